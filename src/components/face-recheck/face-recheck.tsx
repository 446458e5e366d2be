import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { CitizenActions, Failure, Result } from '../../../core/api';
import { api } from '../../api/client';
import { afterFailedAttempt, canReuseFaceSession, startFaceSession, type HeldChallenge } from '../../api/face-session';
import { adviceFor } from '../../display/enroll-advice';
import { useT, type MessageKey } from '../../i18n';
import { ActionButton } from '../action-button';
import { FaceStep, type FaceAnswer } from '../face-step';
import { FailureNotice } from '../failure-notice';
import { Notice } from '../notice';
import './face-recheck.scss';

/**
 * Why the holder is asked: to open the card without a device unlock, to show a QR code,
 * or as part of a lifecycle action that carries its own face check (reinstate, renew, revoke).
 */
export type RecheckPurpose = 'unlock' | 'present' | 'reinstate' | 'renew' | 'revoke' | 'password' | 'unlockPassword';

type FaceProof = CitizenActions['reauth']['request'];

/** Which action the face check is sent with: the plain re-check, or the lifecycle action itself. */
const SUBMIT: Record<RecheckPurpose, (proof: FaceProof) => Promise<Result<object>>> = {
  unlock: api.reauth,
  present: api.reauth,
  reinstate: api.reinstate,
  renew: api.renew,
  revoke: api.revoke,
  password: api.reauth,
  unlockPassword: api.unlockCardPassword,
};

const WHY: Record<RecheckPurpose, MessageKey> = {
  unlock: 'reauth.whyUnlock',
  present: 'reauth.whyPresent',
  reinstate: 'reauth.whyReinstate',
  renew: 'reauth.whyRenew',
  revoke: 'reauth.whyRevoke',
  password: 'reauth.whyPassword',
  unlockPassword: 'reauth.whyUnlockPassword',
};

export interface Props {
  purpose: RecheckPurpose;
  /** The action the face check is sent with, when it carries more than the check (setting the card password). */
  submit?: (proof: FaceProof) => Promise<Result<object>>;
  onPassed: () => void;
  onCancel: () => void;
}

type Step =
  | { kind: 'starting' }
  | { kind: 'challenge'; challenge: HeldChallenge; attempt: number; lastFailure?: Failure }
  | { kind: 'failed'; failure: Failure };

/**
 * A fresh face check of the card holder (the reauth action, or the lifecycle
 * action it belongs to): the same challenge as enrollment, checked against
 * the card's identity.
 */
export function FaceRecheck({ purpose, submit: submitWith, onPassed, onCancel }: Props) {
  const { t } = useT();
  const [step, setStep] = useState<Step>({ kind: 'starting' });
  const [verifying, setVerifying] = useState(false);
  const mounted = useRef(true);

  const start = async () => {
    setStep({ kind: 'starting' });
    const result = await startFaceSession();
    if (!mounted.current) return;
    setStep(result.ok ? { kind: 'challenge', challenge: result.challenge, attempt: 0 } : { kind: 'failed', failure: result });
  };

  useEffect(() => {
    mounted.current = true;
    void start();
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = async (challenge: HeldChallenge, attempt: number, { liveness, faceCapture }: FaceAnswer) => {
    setVerifying(true);
    const outcome = await (submitWith ?? SUBMIT[purpose])({ faceSessionId: challenge.view.sessionId, ...(liveness && { liveness }), faceCapture });
    if (!mounted.current) return;
    setVerifying(false);
    if (outcome.ok) {
      onPassed();
      return;
    }
    if (canReuseFaceSession(outcome, challenge)) {
      setStep({ kind: 'challenge', challenge: afterFailedAttempt(challenge, outcome), attempt: attempt + 1, lastFailure: outcome });
    } else {
      setStep({ kind: 'failed', failure: outcome });
    }
  };

  const failureNotice = (failure: Failure, id: string) => {
    const advice = adviceFor(failure);
    return (
      <FailureNotice id={id} failure={failure}>
        <Text className='eid-paragraph'>{t(advice.reason.key, advice.reason.vars)}</Text>
        {advice.extra && <Text className='eid-paragraph eid-recheck__extra'>{t(advice.extra.key, advice.extra.vars)}</Text>}
      </FailureNotice>
    );
  };

  // Out of attempts or barred for a while: starting again would only fail again.
  const canStartAgain = (failure: Failure) => failure.code !== 'RATE_LIMITED' && failure.code !== 'CARD_NOT_FOUND' && failure.code !== 'IDENTITY_NOT_FOUND';

  return (
    <View id='reauth' className='eid-recheck'>
      <Text className='eid-heading'>{t('reauth.heading')}</Text>
      <Text id='reauth-why' className='eid-paragraph'>
        {t(WHY[purpose])}
      </Text>

      {step.kind === 'starting' && (
        <Notice id='reauth-loading'>
          <Text>{t('face.starting')}</Text>
        </Notice>
      )}

      {step.kind === 'challenge' && (
        <>
          {step.lastFailure && failureNotice(step.lastFailure, 'reauth-error')}
          <FaceStep
            key={`${step.challenge.view.sessionId}-${step.attempt}`}
            challenge={step.challenge}
            verifying={verifying}
            restarting={false}
            onRestart={() => void start()}
            onSubmit={(answer) => void submit(step.challenge, step.attempt, answer)}
          />
        </>
      )}

      {step.kind === 'failed' && (
        <>
          {failureNotice(step.failure, 'reauth-error')}
          {canStartAgain(step.failure) && <ActionButton id='reauth-restart' label={t('face.restart')} onTap={() => void start()} />}
        </>
      )}

      <ActionButton id='reauth-cancel' variant='secondary' label={t('reauth.cancel')} onTap={onCancel} />
    </View>
  );
}
