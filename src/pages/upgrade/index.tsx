/**
 * Upgrading to a colour card (journey 4, DESIGN.md §2): set the 8-digit card
 * password (the rules that need only the password are checked here as the
 * server checks them; it is sent with a face check, after which the server
 * also refuses the birth date), and show the upgrade code at a registered upgrade terminal, which
 * reads the physical ID card, matches the face and asks for the password on
 * its own keypad. A password locked by wrong tries is unlocked here with a
 * face check.
 */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure, PresentationView } from '../../../core/api';
import { checkCardPasswordAlone } from '../../../core/card-password';
import type { CardPasswordReason } from '../../../core/reasons';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { FaceRecheck } from '../../components/face-recheck';
import { FailureNotice } from '../../components/failure-notice';
import { HeldCardStatus } from '../../components/held-card-status';
import { Notice } from '../../components/notice';
import { PageFrame, type PageExit } from '../../components/page-frame';
import { QrCode } from '../../components/qr-code';
import { TextField } from '../../components/text-field';
import { useCountdown } from '../../hooks/use-countdown';
import { useHeldCard } from '../../hooks/use-held-card';
import { useT, type MessageKey } from '../../i18n';
import { backTo, goTo } from '../../navigation/navigation';
import './index.scss';

type Step =
  | { kind: 'menu'; notice?: MessageKey }
  | { kind: 'password' }
  | { kind: 'password_face'; password: string }
  | { kind: 'unlock_face' }
  | { kind: 'code_face' }
  | { kind: 'code'; view: PresentationView }
  | { kind: 'failed'; failure: Failure };

const PASSWORD_REASON: Record<CardPasswordReason, MessageKey> = {
  format: 'upgrade.password.format',
  all_same: 'upgrade.password.all_same',
  sequence: 'upgrade.password.sequence',
  birth_date: 'upgrade.password.birth_date',
};

export default function Upgrade() {
  const { t } = useT();
  const { load, reload } = useHeldCard({ quiet: true });
  const [step, setStep] = useState<Step>({ kind: 'menu' });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const deadline = step.kind === 'code' ? Date.parse(step.view.expiresAt) : undefined;
  const secondsLeft = useCountdown(deadline);

  useDidShow(() => void reload());

  const exit: PageExit = { id: 'upgrade-header-back', label: t('common.backToCards'), onTap: () => backTo('cards') };
  const backToCards = <ActionButton id='upgrade-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />;
  const toMenu = <ActionButton id='upgrade-menu' variant='secondary' label={t('common.back')} onTap={() => setStep({ kind: 'menu' })} />;

  const showCode = async () => {
    setBusy(true);
    const result = await api.presentUpgrade();
    setBusy(false);
    if (result.ok) setStep({ kind: 'code', view: result });
    else if (result.code === 'REAUTH_REQUIRED') setStep({ kind: 'code_face' });
    else setStep({ kind: 'failed', failure: result });
  };

  const checkPassword = () => {
    // The rules that need nothing but the password, before a face check is spent; the birth date only the server can judge.
    const alone = checkCardPasswordAlone(password);
    if (!alone.ok) return setFieldError(t(PASSWORD_REASON[alone.reason]));
    if (password !== repeat) return setFieldError(t('upgrade.password.repeatDiffers'));
    setFieldError(undefined);
    setStep({ kind: 'password_face', password });
  };

  const afterPasswordFailure = (failure: Failure) => {
    // The server's own rules (the birth date needs the ID number, which only it opens) come back as a reason.
    const known = failure.code === 'PASSWORD_WEAK' && failure.reason !== undefined && failure.reason in PASSWORD_REASON;
    const reason = known ? PASSWORD_REASON[failure.reason as CardPasswordReason] : undefined;
    if (reason) {
      setFieldError(t(reason));
      setStep({ kind: 'password' });
    } else setStep({ kind: 'failed', failure });
  };

  if (load.state !== 'loaded' || load.card === null) {
    return (
      <PageFrame titleKey='title.upgrade' exit={exit}>
        <HeldCardStatus idPrefix='upgrade' noneId='upgrade-none' load={load} onRetry={() => void reload()} />
        <View className='eid-actions'>{backToCards}</View>
      </PageFrame>
    );
  }
  const card = load.card;

  if (step.kind === 'password_face') {
    const chosen = step.password;
    return (
      <PageFrame titleKey='title.upgrade' exit={exit}>
        <FaceRecheck
          purpose='password'
          submit={async (proof) => {
            const result = await api.setCardPassword({ password: chosen, ...proof });
            if (!result.ok && result.code === 'PASSWORD_WEAK') afterPasswordFailure(result);
            return result;
          }}
          onPassed={() => {
            setPassword('');
            setRepeat('');
            setStep({ kind: 'menu', notice: 'upgrade.password.done' });
          }}
          onCancel={() => setStep({ kind: 'password' })}
        />
      </PageFrame>
    );
  }
  if (step.kind === 'unlock_face' || step.kind === 'code_face') {
    return (
      <PageFrame titleKey='title.upgrade' exit={exit}>
        <FaceRecheck
          purpose={step.kind === 'unlock_face' ? 'unlockPassword' : 'present'}
          onPassed={() => (step.kind === 'unlock_face' ? setStep({ kind: 'menu', notice: 'upgrade.unlocked' }) : void showCode())}
          onCancel={() => setStep({ kind: 'menu' })}
        />
      </PageFrame>
    );
  }

  return (
    <PageFrame titleKey='title.upgrade' exit={exit}>
      <CardFace card={card} idPrefix='upgrade' variant='summary' />
      {card.level === 'colour' ? (
        <Notice id='upgrade-colour' title={t('upgrade.isColour')}>
          <Text className='eid-paragraph'>{t('upgrade.isColourHint')}</Text>
        </Notice>
      ) : step.kind === 'code' ? (
        <View id='upgrade-code' className='eid-panel'>
          <Text className='eid-heading'>{t('upgrade.codeTitle')}</Text>
          {secondsLeft > 0 ? (
            <>
              <QrCode id='upgrade-qr' text={step.view.token} label={t('upgrade.codeLabel')} />
              <Text id='upgrade-countdown' className='eid-paragraph'>{t('upgrade.codeSeconds', { n: String(secondsLeft) })}</Text>
              <Text className='eid-paragraph'>{t('upgrade.codeHint')}</Text>
            </>
          ) : (
            <Notice tone='warning' id='upgrade-code-expired' title={t('qr.expired')} />
          )}
          <View className='eid-actions'>
            <ActionButton id='upgrade-code-again' label={t('upgrade.codeAgain')} busy={busy} onTap={() => void showCode()} />
            <ActionButton id='upgrade-code-done' variant='secondary' label={t('upgrade.codeDone')} onTap={() => { setStep({ kind: 'menu' }); void reload(); }} />
          </View>
        </View>
      ) : step.kind === 'password' ? (
        <View id='upgrade-password' className='eid-panel'>
          <Text className='eid-heading'>{t('upgrade.password.title')}</Text>
          <Text className='eid-paragraph'>{t('upgrade.password.rules')}</Text>
          <TextField id='upgrade-password-new' label={t('upgrade.password.new')} value={password} onInput={setPassword} type='number' maxlength={8} secret />
          <TextField id='upgrade-password-repeat' label={t('upgrade.password.repeat')} value={repeat} onInput={setRepeat} type='number' maxlength={8} secret error={fieldError} />
          <View className='eid-actions'>
            <ActionButton id='upgrade-password-submit' label={t('upgrade.password.submit')} onTap={checkPassword} />
            {toMenu}
          </View>
        </View>
      ) : (
        <>
          {step.kind === 'menu' && step.notice && <Notice id='upgrade-notice' title={t(step.notice)} />}
          {step.kind === 'failed' && (
            <FailureNotice id='upgrade-error' failure={step.failure}>
              <Text className='eid-paragraph'>{t(step.failure.code === 'PASSWORD_NOT_SET' ? 'upgrade.setPasswordFirst' : 'manage.failedHint')}</Text>
            </FailureNotice>
          )}
          <Text className='eid-paragraph'>{t('upgrade.intro')}</Text>
          <View className='eid-actions'>
            <ActionButton id='upgrade-set-password' variant='secondary' label={t('upgrade.password.title')} onTap={() => setStep({ kind: 'password' })} />
            <ActionButton id='upgrade-show-code' label={t('upgrade.showCode')} busy={busy} onTap={() => void showCode()} />
            <ActionButton id='upgrade-unlock-password' variant='secondary' label={t('upgrade.unlock')} onTap={() => setStep({ kind: 'unlock_face' })} />
            <ActionButton id='upgrade-where' variant='secondary' label={t('upgrade.where')} onTap={() => goTo('upgradeSites')} />
          </View>
        </>
      )}
      <View className='eid-actions'>{backToCards}</View>
    </PageFrame>
  );
}
