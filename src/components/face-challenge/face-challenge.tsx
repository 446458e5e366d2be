import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { LIVENESS_DIGITS_PATTERN, type LivenessAction, type LivenessAnswer } from '../../../core/liveness';
import type { HeldChallenge } from '../../api/face-session';
import { authorityLabel } from '../../display/authority';
import { useCountdown } from '../../hooks/use-countdown';
import { useT, type MessageKey } from '../../i18n';
import { ActionButton } from '../action-button';
import { FaceCapture } from '../face-capture';
import { Notice } from '../notice';
import { TextField } from '../text-field';
import './face-challenge.scss';

export interface Props {
  /** Give the component a new `key` per attempt: it starts each one with nothing done. */
  challenge: HeldChallenge;
  /** The answer is being checked. */
  verifying: boolean;
  /** A new session is being started. */
  restarting: boolean;
  onRestart: () => void;
  onSubmit: (answer: LivenessAnswer) => void;
}

/**
 * The liveness challenge as the citizen does it: each action in turn, then
 * the digits read aloud, within the session's time. The challenge comes from
 * the server; this only walks the citizen through it. Used by enrollment and
 * by the face check before showing a QR code, with the same ids.
 */
export function FaceChallenge({ challenge, verifying, restarting, onRestart, onSubmit }: Props) {
  const { t } = useT();
  const [done, setDone] = useState<LivenessAction[]>([]);
  const [digits, setDigits] = useState('');
  const [explain, setExplain] = useState<MessageKey | null>(null);
  const secondsLeft = useCountdown(challenge.deadline);

  const { actions } = challenge.view;
  const expired = secondsLeft === 0;
  const allDone = done.length === actions.length;
  const ready = allDone && LIVENESS_DIGITS_PATTERN.test(digits) && !expired;
  const instruction = (action: LivenessAction) => t(`face.action.${action}`);

  const submit = () => {
    if (!ready) {
      setExplain(allDone ? 'face.needDigits' : 'face.needSteps');
      return;
    }
    onSubmit({ actions: done, digits });
  };

  return (
    <View className='eid-face'>
      <View className='eid-face__status'>
        <Text id='face-remaining' className={expired ? 'eid-face__remaining eid-face__remaining--over' : 'eid-face__remaining'}>
          {t('face.remaining', { seconds: secondsLeft })}
        </Text>
        <Text id='face-attempts'>{t('face.attemptsLeft', { n: challenge.view.attemptsLeft })}</Text>
        <Text id='face-authority' className='eid-face__authority'>
          {authorityLabel(challenge.view.authority, t)}
        </Text>
        <Text id='face-time-hint' className='eid-face__hint'>
          {t('face.timeHint')}
        </Text>
      </View>

      {expired ? (
        <>
          <Notice tone='error' id='face-expired' title={t('face.expired')} />
          <ActionButton id='face-restart' label={t('face.restart')} busy={restarting} onTap={onRestart} />
        </>
      ) : (
        <>
          <FaceCapture>
            <Text className='eid-subheading'>{t('face.stepsTitle')}</Text>
            {actions.map((action, index) => (
              <View key={`${action}-${index}`} className={index === done.length ? 'eid-face__step eid-face__step--now' : 'eid-face__step'}>
                {index === done.length ? (
                  <>
                    {/* Until it is done the step reads as the instruction; tapping it is the simulator's stand-in for doing it. */}
                    <ActionButton
                      id={`face-step-${action}`}
                      label={`${index + 1}. ${instruction(action)}`}
                      ariaLabel={t('face.stepDoLabel', { action: instruction(action) })}
                      onTap={() => {
                        setDone([...done, action]);
                        setExplain(null);
                      }}
                    />
                    <Text className='eid-face__step-hint'>{t('face.stepDoHint')}</Text>
                  </>
                ) : (
                  <View className='eid-face__step-row'>
                    <Text className='eid-face__step-name'>
                      {index + 1}. {instruction(action)}
                    </Text>
                    <Text className={index < done.length ? 'eid-face__step-state eid-face__step-state--done' : 'eid-face__step-state'}>
                      {t(index < done.length ? 'face.stepDone' : 'face.stepWaiting')}
                    </Text>
                  </View>
                )}
              </View>
            ))}
            {explain === 'face.needSteps' && (
              <Text id='face-error' className='eid-explain'>
                {t(explain)}
              </Text>
            )}
            {allDone && (
              <View className='eid-face__digits'>
                <Text className='eid-paragraph'>{t('face.digitsPrompt')}</Text>
                <Text id='face-challenge-digits' className='eid-face__digits-value'>
                  {challenge.view.digits}
                </Text>
                <TextField
                  id='face-digits'
                  label={t('face.digitsLabel')}
                  type='number'
                  maxlength={4}
                  value={digits}
                  error={explain === 'face.needDigits' ? t(explain) : undefined}
                  onInput={(value) => {
                    setDigits(value);
                    setExplain(null);
                  }}
                />
              </View>
            )}
          </FaceCapture>
          <View className='eid-actions'>
            <ActionButton
              id='face-submit'
              label={t('face.submit')}
              blocked={!ready}
              busy={verifying}
              busyLabel={t('face.verifying')}
              onTap={submit}
            />
          </View>
        </>
      )}
    </View>
  );
}
