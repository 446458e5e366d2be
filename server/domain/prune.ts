/**
 * Use case: delete what guards nothing any more, so that face sessions,
 * failures and spent-token rows stay bounded. Each cutoff is the oldest
 * instant a rule still reads:
 * - a face session counts towards its holder's starts for FACE_START_WINDOW,
 *   can be spent until it expires, and its pass counts for REAUTH_VALID;
 * - a failure counts for FAILURE_WINDOW;
 * - a spent-token row keeps a token from being used twice for as long as a
 *   verifier would still accept the token (SPENT_TOKEN_RETENTION);
 * - a spent terminal proof is kept until it could no longer be accepted,
 *   plus the clock tolerance, as instances' clocks may differ.
 * Usages are the holder's records and are never pruned.
 */
import {
  CLOCK_TOLERANCE_SECONDS,
  FACE_SESSION_TTL_SECONDS,
  FACE_START_WINDOW_SECONDS,
  FAILURE_WINDOW_SECONDS,
  REAUTH_VALID_SECONDS,
  SPENT_TOKEN_RETENTION_SECONDS,
} from '../../core/policy';
import type { Deps } from './deps';
import type { PruneCounts } from './store';

const FACE_SESSION_USEFUL_SECONDS = Math.max(FACE_START_WINDOW_SECONDS, FACE_SESSION_TTL_SECONDS, REAUTH_VALID_SECONDS);

export async function pruneExpired(deps: Pick<Deps, 'store' | 'clock'>): Promise<PruneCounts> {
  const now = deps.clock.now().getTime();
  const before = (seconds: number) => new Date(now - seconds * 1000);
  return deps.store.prune({
    faceSessionsBefore: before(FACE_SESSION_USEFUL_SECONDS),
    failuresBefore: before(FAILURE_WINDOW_SECONDS),
    spentTokensBefore: before(SPENT_TOKEN_RETENTION_SECONDS),
    terminalProofsBefore: before(CLOCK_TOLERANCE_SECONDS),
  });
}
