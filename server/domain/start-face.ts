/**
 * Use case: open a face session with a fresh liveness challenge. A caller has
 * at most one open session (a new one closes the previous one) and may open
 * only so many per window (rate-limit.ts), so sessions stay bounded.
 *
 * The session is opened, which reserves its place in the caller's starts,
 * before the authority hears of it: a caller over its limit never reaches the
 * platform. A platform that runs its own face check (WeChat) needs the
 * identity to check against now: the claim typed for an enrollment, or the
 * card's identity for a re-check.
 */
import type { FaceChallengeView } from '../../core/api';
import { EidError } from '../../core/errors';
import { FACE_SESSION_MAX_ATTEMPTS, FACE_SESSION_TTL_SECONDS } from '../../core/policy';
import type { StartFaceEvent } from '../../core/schemas';
import type { Deps } from './deps';
import { unavailable } from './face-check';
import { parseClaim } from './identity-claim';
import type { IdentityClaim } from './ports';
import { assertCallerMayTry, faceStartLimit } from './rate-limit';
import { openIdentity } from './sealed-identity';

export async function startFace(deps: Deps, holder: string, request: Omit<StartFaceEvent, 'action'> = {}): Promise<FaceChallengeView> {
  const now = deps.clock.now();
  await assertCallerMayTry(deps.store, holder, now);
  const claim = await claimToCheck(deps, holder, request, now);
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
  const platform = await deps.authority.begin({ sessionId: session.id, holder, claim }).catch((error: unknown) => {
    throw unavailable(error);
  });
  return {
    sessionId: session.id,
    expiresAt: session.expiresAt.toISOString(),
    actions: challenge.actions,
    digits: challenge.digits,
    attemptsLeft: FACE_SESSION_MAX_ATTEMPTS,
    authority: deps.authority.label,
    ...(platform && { verifyId: platform.verifyId }),
  };
}

/** The typed claim of an enrollment, else the caller's card's identity, else none. */
async function claimToCheck(
  deps: Deps,
  holder: string,
  { claim, consent }: Omit<StartFaceEvent, 'action'>,
  now: Date,
): Promise<IdentityClaim | null> {
  if (claim) return parseClaim({ ...claim, consent }, now);
  const held = await deps.store.findCardByHolder(holder);
  return held ? openIdentity(held.identity, deps.pii) : null;
}
