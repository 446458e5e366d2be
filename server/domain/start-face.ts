/**
 * Use case: open a face session with a fresh liveness challenge. A caller has
 * at most one open session (a new one closes the previous one) and may open
 * only so many per window (rate-limit.ts), so sessions stay bounded.
 */
import type { FaceChallengeView } from '../../core/api';
import { EidError } from '../../core/errors';
import { FACE_SESSION_MAX_ATTEMPTS, FACE_SESSION_TTL_SECONDS } from '../../core/policy';
import type { Deps } from './deps';
import { assertCallerMayTry, faceStartLimit } from './rate-limit';

export async function startFace(deps: Deps, holder: string): Promise<FaceChallengeView> {
  const now = deps.clock.now();
  await assertCallerMayTry(deps.store, holder, now);
  const challenge = deps.authority.issueChallenge();
  const session = {
    id: deps.random.token(18),
    holder,
    challenge,
    createdAt: now,
    expiresAt: new Date(now.getTime() + FACE_SESSION_TTL_SECONDS * 1000),
    attemptsUsed: 0,
    passedAt: null,
  };
  if (!(await deps.store.openFaceSession(session, faceStartLimit(now)))) throw new EidError('RATE_LIMITED');
  return {
    sessionId: session.id,
    expiresAt: session.expiresAt.toISOString(),
    actions: challenge.actions,
    digits: challenge.digits,
    attemptsLeft: FACE_SESSION_MAX_ATTEMPTS,
    authority: deps.authority.label,
  };
}
