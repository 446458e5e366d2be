import { Text } from '@tarojs/components';
import type { Failure } from '../../../core/api';
import type { ErrorCode } from '../../../core/errors';
import type { CardState } from '../../../core/card';
import type { Scene } from '../../../core/scenes';
import { NO_QR } from '../../display/card-state';
import { unavailableReason } from '../../display/unavailable';
import { useCountdown } from '../../hooks/use-countdown';
import type { QrState } from '../../hooks/use-presentation';
import { useQrScreen } from '../../hooks/use-qr-screen';
import { useT, type MessageKey } from '../../i18n';
import { backTo, goTo } from '../../navigation/navigation';
import { ActionButton } from '../action-button';
import { FaceRecheck } from '../face-recheck';
import { FailureNotice } from '../failure-notice';
import { Notice } from '../notice';
import { QrPanel } from '../qr-panel';
import { SceneTabs } from '../scene-tabs';

export interface Props {
  /** Any state once a scene is chosen. */
  state: Exclude<QrState, { kind: 'none' }>;
  /** The scenes this card can show a code for: one tap switches between them. */
  scenes: readonly Scene[];
  onShow: (scene: Scene) => void;
  /** Puts the code away, back to the card. */
  onStop: () => void;
  onStartFaceCheck: () => void;
}

const NO_QR_REASON: Partial<Record<ErrorCode, MessageKey>> = {
  LEVEL_TOO_LOW: 'qr.why.LEVEL_TOO_LOW',
  SCENE_NOT_ALLOWED: 'qr.why.SCENE_NOT_ALLOWED',
  CARD_NOT_FOUND: 'qr.why.CARD_NOT_FOUND',
};

/** The refusals that mean the card itself cannot show any code, by the state they report. */
const CARD_STATE_REFUSED: Partial<Record<ErrorCode, Exclude<CardState, 'active'>>> = {
  CARD_SUSPENDED: 'suspended',
  CARD_EXPIRED: 'expired',
  CARD_REVOKED: 'revoked',
};

function noQrReason(failure: Failure): MessageKey {
  return unavailableReason(failure) ?? NO_QR_REASON[failure.code] ?? 'next.later';
}

/** The QR code for the chosen scene in each of its states: preparing, shown, expired, a face check in the way, or refused. */
export function CardQr({ state, scenes, onShow, onStop, onStartFaceCheck }: Props) {
  const { t, errorTitle } = useT();
  const secondsLeft = useCountdown(state.kind === 'shown' ? state.deadline : undefined);
  const screen = useQrScreen(state.kind === 'shown');
  const tabs = (
    <SceneTabs
      id='qr-scene'
      label={t('qr.sceneLabel')}
      scenes={scenes}
      current={state.scene}
      onPick={onShow}
      optionLabel={(name, selected) => t(selected ? 'qr.sceneCurrent' : 'qr.sceneSwitch', { scene: name })}
    />
  );
  const putAway = <ActionButton id='card-qr-back' variant='secondary' label={t('qr.putAway')} onTap={onStop} />;

  switch (state.kind) {
    case 'loading':
      return (
        <>
          {tabs}
          <Notice id='card-qr-loading'>
            <Text>{t('qr.preparing')}</Text>
          </Notice>
          {putAway}
        </>
      );
    case 'shown':
      return (
        <>
          {tabs}
          <QrPanel scene={state.scene} token={state.token} secondsLeft={secondsLeft} renewal={state.renewal} screen={screen} />
          {putAway}
        </>
      );
    case 'expired':
      return (
        <>
          {tabs}
          <Notice tone='error' id='card-qr-expired' title={t('qr.expired')} />
          <ActionButton id='card-qr-again' label={t('qr.again')} onTap={() => onShow(state.scene)} />
          {putAway}
        </>
      );
    case 'face_check':
      return state.stage === 'checking' ? (
        <FaceRecheck purpose='present' onPassed={() => onShow(state.scene)} onCancel={onStop} />
      ) : (
        <>
          <Notice id='card-reauth-needed' title={errorTitle('REAUTH_REQUIRED')}>
            <Text>{t('qr.reauthAgain')}</Text>
          </Notice>
          <ActionButton id='card-reauth-start' label={t('qr.startFaceCheck')} onTap={onStartFaceCheck} />
          {putAway}
        </>
      );
    case 'failed': {
      const { failure } = state;
      const refusedState = CARD_STATE_REFUSED[failure.code];
      if (refusedState) {
        const noQr = NO_QR[refusedState];
        return (
          <>
            <FailureNotice id='card-no-qr' failure={failure}>
              <Text className='eid-paragraph'>{t(noQr.why)}</Text>
            </FailureNotice>
            {noQr.manage && <ActionButton id='card-no-qr-manage' label={t('card.manage')} onTap={() => goTo('manage')} />}
            <ActionButton id='card-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />
          </>
        );
      }
      return (
        <>
          {tabs}
          <FailureNotice id='card-qr-error' failure={failure}>
            <Text className='eid-paragraph'>{t(noQrReason(failure))}</Text>
          </FailureNotice>
          {failure.code === 'INTERNAL' && <ActionButton id='card-qr-retry' label={t('common.retry')} onTap={() => onShow(state.scene)} />}
          {putAway}
        </>
      );
    }
  }
}
