/** Use case: open a face session with a fresh liveness challenge. */
import type { FaceChallengeView } from '../../core/api';
import { FACE_SESSION_MAX_ATTEMPTS, FACE_SESSION_TTL_SECONDS } from '../../core/policy';
import type { Deps } from './deps';
import { assertNotRateLimited, callerKey } from './rate-limit';

export async function startFace(deps: Deps, holder: string): Promise<FaceChallengeView> {
  const now = deps.clock.now();
  await assertNotRateLimited(deps.store, [callerKey(holder)], now);
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
  await deps.store.insertFaceSession(session);
  return {
    sessionId: session.id,
    expiresAt: session.expiresAt.toISOString(),
    actions: challenge.actions,
    digits: challenge.digits,
    attemptsLeft: FACE_SESSION_MAX_ATTEMPTS,
    authority: deps.authority.label,
  };
}
