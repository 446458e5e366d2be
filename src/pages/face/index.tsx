/**
 * Step 3: the face check, then the enrollment call. The check is the shared
 * FaceStep (WeChat's own face verification when the server answers with a
 * verifyId, the simulated challenge in the emulator); this page holds the
 * session in the draft (so a retry can resume it) and turns the answer into
 * an enrollment.
 */
import { Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { afterFailedAttempt, canReuseFaceSession, startFaceSession, type HeldChallenge } from '../../api/face-session';
import { FaceStep, type FaceAnswer } from '../../components/face-step';
import { ActionButton } from '../../components/action-button';
import { Notice } from '../../components/notice';
import { PageFrame, type PageExit } from '../../components/page-frame';
import { StaleDraft } from '../../components/stale-draft';
import { needsDraftAfter } from '../../display/enroll-advice';
import { useT } from '../../i18n';
import { replaceWith, restartAt } from '../../navigation/navigation';
import { clearDraft, currentDraft, holdChallenge } from '../../state/enrollment';
import { setLastResult, type EnrollOutcome } from '../../state/last-result';
import './index.scss';

/** A held session with less time than this left is not worth resuming. */
const MIN_RESUME_MS = 15_000;

function resumableChallenge(): HeldChallenge | null {
  const held = currentDraft()?.challenge;
  return held && held.deadline - Date.now() > MIN_RESUME_MS ? held : null;
}

export default function Face() {
  const { t } = useT();
  const [challenge, setChallenge] = useState<HeldChallenge | null>(resumableChallenge);
  const [busy, setBusy] = useState<'starting' | 'verifying' | null>(null);
  const mounted = useRef(true);
  const draft = currentDraft();

  const showOutcome = (outcome: EnrollOutcome) => {
    setLastResult(outcome);
    replaceWith('result');
  };

  const start = async () => {
    setBusy('starting');
    const held = currentDraft();
    const result = await startFaceSession(held ? { name: held.name, idNumber: held.idNumber } : undefined);
    if (!mounted.current) return;
    setBusy(null);
    if (!result.ok) {
      showOutcome(result);
      return;
    }
    holdChallenge(result.challenge);
    setChallenge(result.challenge);
  };

  useEffect(() => {
    mounted.current = true;
    if (currentDraft()?.consent && !resumableChallenge()) void start();
    return () => {
      mounted.current = false;
    };
  }, []);

  if (!draft || !draft.consent) return <StaleDraft idPrefix='face' titleKey='title.face' />;

  const cancel = () => {
    mounted.current = false;
    clearDraft();
    restartAt('cards');
  };
  const exit: PageExit = { id: 'face-header-back', label: t('face.cancel'), onTap: cancel };
  const cancelButton = <ActionButton id='face-cancel' variant='secondary' label={t('face.cancel')} onTap={cancel} />;

  if (!challenge) {
    return (
      <PageFrame titleKey='title.face' exit={exit}>
        <Notice id='face-loading'>
          <Text>{t('face.starting')}</Text>
        </Notice>
        {cancelButton}
      </PageFrame>
    );
  }

  const submit = async ({ liveness, faceCapture }: FaceAnswer) => {
    setBusy('verifying');
    const outcome = await (draft.purpose === 'move' ? api.moveCard : api.enroll)({
      name: draft.name,
      idNumber: draft.idNumber,
      consent: draft.consent,
      faceSessionId: challenge.view.sessionId,
      ...(liveness && { liveness }),
      faceCapture,
    });
    if (!mounted.current) return;
    if (!needsDraftAfter(outcome)) clearDraft();
    else if (!canReuseFaceSession(outcome, challenge)) holdChallenge(undefined);
    else if (!outcome.ok) holdChallenge(afterFailedAttempt(challenge, outcome));
    showOutcome(outcome);
  };

  return (
    <PageFrame titleKey='title.face' exit={exit}>
      <FaceStep
        key={challenge.view.sessionId}
        challenge={challenge}
        verifying={busy === 'verifying'}
        restarting={busy === 'starting'}
        onRestart={() => void start()}
        onSubmit={(answer) => void submit(answer)}
      />
      {cancelButton}
    </PageFrame>
  );
}
