/**
 * How often a caller may fail an identity check or open a face session, and
 * why an ID number's failures never stop anyone before the face check.
 *
 * Each caller (the OPENID) may fail FAILURE_LIMIT checks and open
 * FACE_START_LIMIT face sessions per window; past either it is refused before
 * a session opens or the authority is asked. These budgets keep guessing slow:
 * every try costs a caller, and a new face session closes the caller's
 * previous one. Both are atomic reserves, not a count and a later write: a
 * start is reserved by Store.openFaceSession, and a check holds a place in
 * the failure budget (CheckBudget) from before the authority is asked until
 * its failure is recorded, so concurrent calls of one caller cannot all pass
 * the same count.
 *
 * An ID number is different. Before the face check nothing tells its holder
 * from a stranger, so any per-number limit checked there is a lever for
 * whoever knows the number (a hotel sees full numbers) to lock its holder out:
 * five failures from throwaway callers once kept the holder from enrolling for
 * an hour, and could be repeated forever. So the per-number count is kept
 * only of what the authority judged to be someone else (a live face compared
 * with the number's registered photo that did not match) and is read only
 * after a failed check, never as a gate:
 * - a caller whose liveness and face pass goes ahead whatever others did;
 * - once a number has ID_NUMBER_MISMATCH_LIMIT such failures in the window it
 *   is under attack, and each further mismatch on it spends the failing
 *   caller's whole window at once: every stranger gets one try per window
 *   at a targeted number instead of FAILURE_LIMIT.
 * The price: a holder whose own face fails to match while strangers target
 * their number waits out the window, as they would after FAILURE_LIMIT tries
 * of their own; their liveness failures, the usual kind, cost the usual one.
 *
 * Not chosen: a per-number backoff that a passing face skips (a stranger can
 * still take every turn, and the holder cannot know to skip it before the
 * check); counting only mismatches but still gating before the check (strangers
 * mismatch too, so it still locks the holder out).
 */
import { EidError } from '../../core/errors';
import { FACE_START_LIMIT, FACE_START_WINDOW_SECONDS, FAILURE_LIMIT, FAILURE_WINDOW_SECONDS, ID_NUMBER_MISMATCH_LIMIT } from '../../core/policy';
import type { BudgetPlace, CheckBudget } from './ports';
import type { FaceStartLimit, Store } from './store';

const callerKey = (holder: string) => `caller:${holder}`;
const idNumberKey = (idIndex: string) => `id:${idIndex}`;
const secondsBefore = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);

/**
 * Forgets the strangers' failures counted against an ID number: at
 * revocation, so that its index outlives the person's data nowhere. (They
 * would lapse with the window anyway; a new enrollment starts afresh.)
 */
export async function forgetIdNumberFailures(store: Store, idIndex: string): Promise<void> {
  await store.forgetFailures(idNumberKey(idIndex));
}

/** The failures a caller may have in the window before it is refused. */
const callerFailureLimit = (now: Date) => ({ since: secondsBefore(now, FAILURE_WINDOW_SECONDS), max: FAILURE_LIMIT });

/** Refuses a caller that has used up its failures for the window. */
export async function assertCallerMayTry(store: Store, holder: string, now: Date): Promise<void> {
  const { since, max } = callerFailureLimit(now);
  if ((await store.countFailures(callerKey(holder), since)) >= max) throw new EidError('RATE_LIMITED');
}

/**
 * Takes a place in the caller's failure budget for one check, before the
 * authority is asked; refuses when failures and checks already running fill
 * it. assertCallerMayTry only answers early and cheaply; this is the gate
 * that concurrent checks cannot all pass.
 */
export async function reserveCheck(budget: CheckBudget, holder: string, now: Date): Promise<BudgetPlace> {
  const place = await budget.reserve(callerKey(holder), callerFailureLimit(now), now);
  if (!place) throw new EidError('RATE_LIMITED');
  return place;
}

/** The face sessions a caller may still open (Store.openFaceSession enforces it atomically). */
export function faceStartLimit(now: Date): FaceStartLimit {
  return { since: secondsBefore(now, FACE_START_WINDOW_SECONDS), max: FACE_START_LIMIT };
}

export interface FailedCheck {
  holder: string;
  /** Enrollment only: the HMAC index of the claimed ID number. */
  idIndex?: string;
  /** The authority compared a live face with the number's registered photo, and it was someone else's. */
  faceMismatch: boolean;
}

/** Counts a failed identity check against the caller and, for a stranger's face, against the number. */
export async function recordFailedCheck(store: Store, { holder, idIndex, faceMismatch }: FailedCheck, now: Date): Promise<void> {
  const keys = [callerKey(holder)];
  if (idIndex !== undefined && faceMismatch) {
    const underAttack = (await store.countFailures(idNumberKey(idIndex), secondsBefore(now, FAILURE_WINDOW_SECONDS))) >= ID_NUMBER_MISMATCH_LIMIT;
    keys.push(idNumberKey(idIndex));
    if (underAttack) keys.push(...Array<string>(FAILURE_LIMIT - 1).fill(callerKey(holder)));
  }
  await store.recordFailure(keys, now);
}
