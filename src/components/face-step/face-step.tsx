import type { LivenessAnswer } from '../../../core/liveness';
import type { HeldChallenge } from '../../api/face-session';
import { simulatedCapture } from '../../platform/simulated-capture';
import { FaceChallenge } from '../face-challenge';
import { PlatformFaceCheck } from './platform-face-check';

/** What a face step sends with enroll or reauth: the simulator's liveness answer, or nothing but the platform's capture. */
export interface FaceAnswer {
  liveness?: LivenessAnswer;
  faceCapture: string;
}

export interface Props {
  /** Give the component a new `key` per attempt. */
  challenge: HeldChallenge;
  verifying: boolean;
  restarting: boolean;
  onRestart: () => void;
  onSubmit: (answer: FaceAnswer) => void;
}

/**
 * One face check, whichever authority runs it: the server's session says.
 * With a verifyId (deployed: WeChat face verification) WeChat's own screen
 * runs liveness and the comparison; without one (the emulator's SIMULATED
 * authority) the citizen walks through the simulated challenge.
 */
export function FaceStep({ challenge, verifying, restarting, onRestart, onSubmit }: Props) {
  if (challenge.view.verifyId) {
    return <PlatformFaceCheck challenge={challenge} verifying={verifying} onCompleted={(faceCapture) => onSubmit({ faceCapture })} />;
  }
  return (
    <FaceChallenge
      challenge={challenge}
      verifying={verifying}
      restarting={restarting}
      onRestart={onRestart}
      onSubmit={(liveness) => onSubmit({ liveness, faceCapture: simulatedCapture() })}
    />
  );
}
