/**
 * A face session as the device holds it: the server's challenge plus a
 * device-time deadline. Enrollment and the re-check before a QR code both
 * start one here, and both read here whether a failed attempt leaves it usable.
 */
import type { FaceChallengeView, Failure, Result } from '../../core/api';
import { FACE_SESSION_TTL_SECONDS } from '../../core/policy';
import { api } from './client';

export interface HeldChallenge {
  view: FaceChallengeView;
  /** Device time (ms) when the session runs out, counted from when it was requested. */
  deadline: number;
}

/**
 * Opens a face session. Enrollment sends the claimed identity (with the
 * citizen's consent): a platform authority checks the face against it
 * (WeChat face verification answers with a verifyId); a re-check sends
 * nothing and is made against the caller's card.
 */
export async function startFaceSession(claim?: { name: string; idNumber: string }): Promise<Result<{ challenge: HeldChallenge }>> {
  // The session starts on the server after this moment, so this deadline is never late.
  const requestedAt = Date.now();
  const result = await api.startFace(claim ? { claim, consent: true } : {});
  if (!result.ok) return result;
  return { ok: true, challenge: { view: result, deadline: requestedAt + FACE_SESSION_TTL_SECONDS * 1000 } };
}

/** The attempts the server says are left in the session, when the failure says. */
export function attemptsLeft(failure: Failure): number | undefined {
  const value = failure.details?.attemptsLeft;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Whether the same face session can be tried again: the authority said
 * attempts remain, and it is not a platform check, whose verifyId is spent.
 */
export function canReuseFaceSession(outcome: Result<object>, challenge: HeldChallenge): boolean {
  if (challenge.view.verifyId) return false;
  if (outcome.ok || (outcome.code !== 'FACE_MISMATCH' && outcome.code !== 'LIVENESS_FAILED')) return false;
  return (attemptsLeft(outcome) ?? 0) > 0;
}

/** The same session after a failed attempt, counting the attempts the server says are left. */
export function afterFailedAttempt(challenge: HeldChallenge, failure: Failure): HeldChallenge {
  const left = attemptsLeft(failure) ?? challenge.view.attemptsLeft;
  return { ...challenge, view: { ...challenge.view, attemptsLeft: left } };
}
