/**
 * Step 3: the liveness challenge, then the enrolment call. The challenge
 * comes from the server; the page only walks the citizen through it.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { LivenessAction } from '../../../core/liveness';
import { FACE_SESSION_TTL_SECONDS } from '../../../core/liveness';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { FaceCapture } from '../../components/face-capture';
import { Notice } from '../../components/notice';
import { StaleDraft } from '../../components/stale-draft';
import { TextField } from '../../components/text-field';
import { useCountdown } from '../../hooks/use-countdown';
import { usePageTitle, useT, type MessageKey } from '../../i18n';
import { attemptsLeft, canReuseFaceSession, needsDraftAfter } from '../../lib/enrol-outcome';
import { replaceWith } from '../../lib/navigation';
import { simulatedCapture } from '../../lib/simulated-capture';
import { clearDraft, currentDraft, holdChallenge, type HeldChallenge } from '../../state/enrolment';
import { setLastResult, type EnrolOutcome } from '../../state/last-result';
import './index.scss';

/** A held session with less time than this left is not worth resuming. */
const MIN_RESUME_MS = 15_000;
const DIGITS_PATTERN = /^\d{4}$/;

function resumableChallenge(): HeldChallenge | null {
  const held = currentDraft()?.challenge;
  return held && held.deadline - Date.now() > MIN_RESUME_MS ? held : null;
}

export default function Face() {
  const { t } = useT();
  usePageTitle('title.face');
  const [challenge, setChallenge] = useState<HeldChallenge | null>(resumableChallenge);
  const [done, setDone] = useState<LivenessAction[]>([]);
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState<'starting' | 'verifying' | null>(null);
  const [explain, setExplain] = useState<MessageKey | null>(null);
  const mounted = useRef(true);
  const secondsLeft = useCountdown(challenge?.deadline);
  const draft = currentDraft();

  const showOutcome = (outcome: EnrolOutcome) => {
    setLastResult(outcome);
    replaceWith('result');
  };

  const start = async () => {
    setBusy('starting');
    setDone([]);
    setDigits('');
    setExplain(null);
    // The session starts on the server after this moment, so this deadline is never late.
    const requestedAt = Date.now();
    const result = await api.startFace();
    if (!mounted.current) return;
    setBusy(null);
    if (!result.ok) {
      showOutcome(result);
      return;
    }
    const held: HeldChallenge = { view: result, deadline: requestedAt + FACE_SESSION_TTL_SECONDS * 1000 };
    holdChallenge(held);
    setChallenge(held);
  };

  useEffect(() => {
    mounted.current = true;
    if (currentDraft()?.consent && !resumableChallenge()) void start();
    return () => {
      mounted.current = false;
    };
  }, []);

  if (!draft || !draft.consent) return <StaleDraft idPrefix='face' />;

  if (!challenge) {
    return (
      <View className='eid-page'>
        <Notice id='face-loading'>
          <Text>{t('face.starting')}</Text>
        </Notice>
      </View>
    );
  }

  const { actions } = challenge.view;
  const expired = secondsLeft === 0;
  const allDone = done.length === actions.length;
  const ready = allDone && DIGITS_PATTERN.test(digits) && !expired;
  const actionName = (action: LivenessAction) => t(`face.action.${action}`);

  const submit = async () => {
    if (!ready) {
      setExplain(allDone ? 'face.needDigits' : 'face.needSteps');
      return;
    }
    setBusy('verifying');
    const outcome = await api.enroll({
      name: draft.name,
      idNumber: draft.idNumber,
      consent: draft.consent,
      faceSessionId: challenge.view.sessionId,
      liveness: { actions: done, digits },
      faceCapture: simulatedCapture(),
    });
    if (!mounted.current) return;
    if (!needsDraftAfter(outcome)) clearDraft();
    else if (!canReuseFaceSession(outcome)) holdChallenge(undefined);
    else if (!outcome.ok) {
      const left = attemptsLeft(outcome) ?? challenge.view.attemptsLeft;
      holdChallenge({ ...challenge, view: { ...challenge.view, attemptsLeft: left } });
    }
    showOutcome(outcome);
  };

  return (
    <View className='eid-page'>
      <View className='face__status'>
        <Text id='face-remaining' className={expired ? 'face__remaining face__remaining--over' : 'face__remaining'}>
          {t('face.remaining', { seconds: secondsLeft })}
        </Text>
        <Text id='face-attempts'>{t('face.attemptsLeft', { n: challenge.view.attemptsLeft })}</Text>
        <Text id='face-authority' className='face__authority'>
          {challenge.view.authority}
        </Text>
      </View>

      {expired ? (
        <>
          <Notice tone='error' id='face-expired' title={t('face.expired')} />
          <ActionButton id='face-restart' label={t('face.restart')} busy={busy === 'starting'} onTap={() => void start()} />
        </>
      ) : (
        <FaceCapture>
          <Text className='eid-subheading'>{t('face.stepsTitle')}</Text>
          {actions.map((action, index) => (
            <View key={`${action}-${index}`} className={index === done.length ? 'face__step face__step--now' : 'face__step'}>
              <Text className='face__step-name'>
                {index + 1}. {actionName(action)}
              </Text>
              {index < done.length && <Text className='face__step-state'>{t('face.stepDone')}</Text>}
              {index > done.length && <Text className='face__step-state'>{t('face.stepWaiting')}</Text>}
              {index === done.length && (
                <ActionButton
                  id={`face-step-${action}`}
                  label={t('face.stepDo', { action: actionName(action) })}
                  onTap={() => {
                    setDone([...done, action]);
                    setExplain(null);
                  }}
                />
              )}
            </View>
          ))}
          {allDone && (
            <View className='face__digits'>
              <Text className='eid-paragraph'>{t('face.digitsPrompt')}</Text>
              <Text id='face-challenge-digits' className='face__digits-value'>
                {challenge.view.digits}
              </Text>
              <TextField
                id='face-digits'
                label={t('face.digitsLabel')}
                type='number'
                maxlength={4}
                value={digits}
                onInput={(value) => {
                  setDigits(value);
                  setExplain(null);
                }}
              />
            </View>
          )}
        </FaceCapture>
      )}

      {!expired && (
        <View className='eid-actions'>
          <ActionButton
            id='face-submit'
            label={t('face.submit')}
            blocked={!ready}
            busy={busy === 'verifying'}
            busyLabel={t('face.verifying')}
            onTap={() => void submit()}
          />
          {explain && (
            <Text id='face-error' className='eid-explain'>
              {t(explain)}
            </Text>
          )}
        </View>
      )}
    </View>
  );
}
