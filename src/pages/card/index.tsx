/**
 * The e-ID card (journey 2, DESIGN.md §2): opens only after a local unlock,
 * then shows the masked card and, for a chosen scene, a QR code that renews
 * itself. Showing a code needs a recent face check of the holder; when the
 * server asks for one, the citizen does it here and the code follows.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CardView, Failure } from '../../../core/api';
import { levelSatisfies, PRESENTABLE_SCENES, SCENES, type Scene } from '../../../core/scenes';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { FaceRecheck } from '../../components/face-recheck';
import { Notice } from '../../components/notice';
import { QrPanel } from '../../components/qr-panel';
import { ScenePicker } from '../../components/scene-picker';
import { useCountdown } from '../../hooks/use-countdown';
import { usePresentation, type QrState } from '../../hooks/use-presentation';
import { usePageTitle, useT, type MessageKey } from '../../i18n';
import { backTo, goTo } from '../../lib/navigation';
import { UNLOCK_METHOD, unlockDevice, type FallbackReason } from '../../lib/unlock';
import './index.scss';

type Load = { state: 'loading' } | { state: 'loaded'; card: CardView | null } | { state: 'failed'; failure: Failure };

type Lock =
  | { state: 'locked'; cancelled?: boolean }
  | { state: 'checking' }
  /** Opening with a face check: the device could not unlock (reason), or the citizen chose to. */
  | { state: 'face'; reason?: FallbackReason }
  | { state: 'open' };

/** Away from the page longer than this (another app, the lock screen), the card locks again. */
const UNLOCK_GRACE_MS = 60_000;

const NO_QR_REASON: Partial<Record<string, MessageKey>> = {
  LEVEL_TOO_LOW: 'qr.why.LEVEL_TOO_LOW',
  SCENE_NOT_ALLOWED: 'qr.why.SCENE_NOT_ALLOWED',
  CARD_NOT_FOUND: 'qr.why.CARD_NOT_FOUND',
};

function failureReason(failure: Failure): MessageKey {
  if (failure.code === 'INTERNAL') return failure.reason === 'network' ? 'next.network' : 'next.later';
  return NO_QR_REASON[failure.code] ?? 'next.later';
}

export default function Card() {
  const { t, errorTitle } = useT();
  usePageTitle('title.card');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [lock, setLock] = useState<Lock>({ state: 'locked' });
  const lockRef = useRef<Lock>(lock);
  const latestCall = useRef(0);
  const hiddenAt = useRef<number | null>(null);
  const resumeScene = useRef<Scene | null>(null);
  const qr = usePresentation();
  const secondsLeft = useCountdown(qr.state.kind === 'shown' ? qr.state.deadline : undefined);

  const changeLock = (next: Lock) => {
    lockRef.current = next;
    setLock(next);
  };

  /** Reads the card; on a return to the page, quietly, showing the last answer until the new one arrives. */
  const reload = async () => {
    const call = ++latestCall.current;
    setLoad((before) => (before.state === 'loaded' ? before : { state: 'loading' }));
    const result = await api.getCard();
    if (call !== latestCall.current) return;
    setLoad(result.ok ? { state: 'loaded', card: result.card } : { state: 'failed', failure: result });
    const scene = resumeScene.current;
    resumeScene.current = null;
    if (scene && result.ok && result.card?.status === 'active' && lockRef.current.state === 'open') qr.show(scene);
  };

  useDidShow(() => {
    const away = hiddenAt.current === null ? 0 : Date.now() - hiddenAt.current;
    hiddenAt.current = null;
    if (away > UNLOCK_GRACE_MS) {
      changeLock({ state: 'locked' });
      resumeScene.current = null;
    }
    void reload();
  });

  useDidHide(() => {
    hiddenAt.current = Date.now();
    // No code stays on a screen nobody is looking at; it comes back on return if the card is still open.
    resumeScene.current = qr.pause();
  });

  const unlock = async () => {
    if (UNLOCK_METHOD === 'face_check') {
      changeLock({ state: 'face' });
      return;
    }
    changeLock({ state: 'checking' });
    const outcome = await unlockDevice();
    if (lockRef.current.state !== 'checking') return;
    if (outcome.kind === 'unlocked') changeLock({ state: 'open' });
    else if (outcome.kind === 'cancelled') changeLock({ state: 'locked', cancelled: true });
    else changeLock({ state: 'face', reason: outcome.reason });
  };

  const pick = (scene: Scene) => qr.show(scene);

  const back = (
    <View className='eid-actions'>
      <ActionButton id='card-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />
    </View>
  );

  if (load.state === 'loading') {
    return (
      <View className='eid-page'>
        <Notice id='card-loading'>
          <Text>{t('common.loading')}</Text>
        </Notice>
        {back}
      </View>
    );
  }

  if (load.state === 'failed' || load.card === null) {
    return (
      <View className='eid-page'>
        <Notice tone='error' id='card-error' title={errorTitle(load.state === 'failed' ? load.failure.code : 'CARD_NOT_FOUND')} />
        {load.state === 'failed' && <ActionButton id='card-retry' label={t('common.retry')} onTap={() => void reload()} />}
        {back}
      </View>
    );
  }

  const { card } = load;

  if (lock.state === 'face') {
    return (
      <View className='eid-page'>
        {lock.reason && (
          <Notice id='card-unlock-fallback'>
            <Text>{t(`card.fallback.${lock.reason}`)}</Text>
          </Notice>
        )}
        <FaceRecheck purpose='unlock' onPassed={() => changeLock({ state: 'open' })} onCancel={() => changeLock({ state: 'locked' })} />
      </View>
    );
  }

  if (lock.state !== 'open') {
    return (
      <View className='eid-page'>
        <View id='card-locked' className='card__locked'>
          {/* Drawn, not an emoji: some phones and the simulator's browser have no emoji font. */}
          <View className='card__lock'>
            <View className='card__lock-shackle' />
            <View className='card__lock-body' />
          </View>
          <Text className='eid-heading'>{t('card.locked')}</Text>
          <Text className='eid-paragraph'>{t(`card.lockedHint.${UNLOCK_METHOD}`)}</Text>
        </View>
        <ActionButton
          id='card-unlock'
          label={t(`card.unlock.${UNLOCK_METHOD}`)}
          busy={lock.state === 'checking'}
          busyLabel={t('card.unlocking')}
          onTap={() => void unlock()}
        />
        {lock.state === 'locked' && lock.cancelled && (
          <>
            <Text id='card-unlock-cancelled' className='eid-paragraph'>
              {t('card.unlockCancelled')}
            </Text>
            <ActionButton id='card-unlock-face' variant='secondary' label={t('card.unlockByFace')} onTap={() => changeLock({ state: 'face' })} />
          </>
        )}
        {back}
      </View>
    );
  }

  return (
    <View className='eid-page'>
      {renderOpen(card, qr.state)}
      {/* The records stay one tap away whatever is on screen; leaving pauses the code, returning shows it again. */}
      {!(qr.state.kind === 'face_check' && qr.state.stage === 'checking') && (
        <View className='eid-actions'>
          <ActionButton id='card-records' variant='secondary' label={t('card.records')} onTap={() => goTo('records')} />
          {qr.state.kind === 'none' && (
            <ActionButton id='card-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />
          )}
        </View>
      )}
    </View>
  );

  function renderOpen(openCard: CardView, state: QrState) {
    switch (state.kind) {
      case 'none':
        return (
          <>
            <CardFace card={openCard} idPrefix='card' variant='full' />
            <Text className='eid-paragraph card__note'>{t('card.masked')}</Text>
            {openCard.status === 'active' ? (
              <>
                <Text className='eid-subheading'>{t('card.scenesTitle')}</Text>
                <Text className='eid-paragraph'>{t('card.scenesHint')}</Text>
                <ScenePicker scenes={PRESENTABLE_SCENES.filter((s) => levelSatisfies(openCard.level, SCENES[s].minLevel))} onPick={pick} />
              </>
            ) : (
              <Notice tone='error' id='card-no-qr' title={t(`card.status.${openCard.status}`)}>
                <Text>{t(openCard.status === 'suspended' ? 'card.noQr.suspended' : 'card.noQr.revoked')}</Text>
              </Notice>
            )}
          </>
        );
      case 'loading':
        return (
          <>
            <Notice id='card-qr-loading'>
              <Text>{t('qr.preparing')}</Text>
            </Notice>
            {otherScene()}
          </>
        );
      case 'shown':
        return (
          <>
            <QrPanel scene={state.scene} token={state.token} secondsLeft={secondsLeft} renewal={state.renewal} />
            {otherScene()}
          </>
        );
      case 'expired':
        return (
          <>
            <Notice tone='error' id='card-qr-expired' title={t('qr.expired')} />
            <ActionButton id='card-qr-again' label={t('qr.again')} onTap={() => qr.show(state.scene)} />
            {otherScene()}
          </>
        );
      case 'face_check':
        return state.stage === 'checking' ? (
          <FaceRecheck purpose='present' onPassed={() => qr.show(state.scene)} onCancel={qr.stop} />
        ) : (
          <>
            <Notice id='card-reauth-needed' title={errorTitle('REAUTH_REQUIRED')}>
              <Text>{t('qr.reauthAgain')}</Text>
            </Notice>
            <ActionButton id='card-reauth-start' label={t('qr.startFaceCheck')} onTap={qr.startFaceCheck} />
            {otherScene()}
          </>
        );
      case 'failed':
        return renderFailure(state.scene, state.failure);
    }
  }

  function renderFailure(scene: Scene, failure: Failure) {
    if (failure.code === 'CARD_SUSPENDED' || failure.code === 'CARD_REVOKED') {
      return (
        <>
          <Notice tone='error' id='card-no-qr' title={errorTitle(failure.code)}>
            <Text>{t(failure.code === 'CARD_SUSPENDED' ? 'card.noQr.suspended' : 'card.noQr.revoked')}</Text>
          </Notice>
          <ActionButton id='card-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />
        </>
      );
    }
    return (
      <>
        <Notice tone='error' id='card-qr-error' title={errorTitle(failure.code)}>
          <Text>{t(failureReason(failure))}</Text>
        </Notice>
        {failure.code === 'INTERNAL' && <ActionButton id='card-qr-retry' label={t('common.retry')} onTap={() => qr.show(scene)} />}
        {otherScene()}
      </>
    );
  }

  function otherScene() {
    return <ActionButton id='card-qr-back' variant='secondary' label={t('qr.otherScene')} onTap={qr.stop} />;
  }
}
