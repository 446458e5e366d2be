/**
 * A face session as the device holds it: the server's challenge plus a
 * device-time deadline. Enrolment and the re-check before a QR code both
 * start one here.
 */
import type { FaceChallengeView, Result } from '../../core/api';
import { FACE_SESSION_TTL_SECONDS } from '../../core/liveness';
import { api } from '../api/client';

export interface HeldChallenge {
  view: FaceChallengeView;
  /** Device time (ms) when the session runs out, counted from when it was requested. */
  deadline: number;
}

export async function startFaceSession(): Promise<Result<{ challenge: HeldChallenge }>> {
  // The session starts on the server after this moment, so this deadline is never late.
  const requestedAt = Date.now();
  const result = await api.startFace();
  if (!result.ok) return result;
  return { ok: true, challenge: { view: result, deadline: requestedAt + FACE_SESSION_TTL_SECONDS * 1000 } };
}
