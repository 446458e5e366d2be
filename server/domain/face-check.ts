/**
 * One face check inside an open face session: spends an attempt, asks the
 * authority, and turns its verdict into a refusal that tells a caller only
 * what a caller with that face may know. Enrollment and the re-check before
 * showing a QR code both go through here.
 */
import { EidError } from '../../core/errors';
import type { LivenessAnswer } from '../../core/liveness';
import { FACE_SESSION_MAX_ATTEMPTS } from '../../core/policy';
import type { Deps } from './deps';
import { AuthorityUnavailable, type AuthorityVerdict, type IdentityClaim } from './ports';
import { recordFailedCheck, reserveCheck } from './rate-limit';

export interface FaceCheckInput {
  holder: string;
  claim: IdentityClaim;
  /** Enrollment only: the HMAC index of the claimed ID number, whose strangers' failures are counted (rate-limit.ts). */
  idIndex?: string;
  faceSessionId: string;
  /** The simulator's challenge as performed; absent after the platform's own face check. */
  liveness?: LivenessAnswer;
  faceCapture: string;
}

/**
 * Resolves when the authority confirmed a live person whose face matches the
 * claim; throws the refusal otherwise. The caller's place in its failure
 * budget is held from before the attempt is spent until the failure, if any,
 * is recorded, so concurrent checks cannot overspend the budget.
 */
export async function passFaceCheck(deps: Deps, input: FaceCheckInput, now: Date): Promise<void> {
  const place = await reserveCheck(deps.checkBudget, input.holder, now);
  try {
    await checkWithinPlace(deps, input, now);
  } finally {
    await place.release();
  }
}

async function checkWithinPlace(deps: Deps, input: FaceCheckInput, now: Date): Promise<void> {
  const session = await deps.store.spendFaceAttempt(input.faceSessionId, input.holder, now, FACE_SESSION_MAX_ATTEMPTS);
  if (!session) throw new EidError('FACE_SESSION_EXPIRED');

  const verdict = await askAuthority(deps, {
    sessionId: session.id,
    holder: input.holder,
    claim: input.claim,
    challenge: session.challenge,
    answer: input.liveness,
    faceCapture: input.faceCapture,
  });
  const refusal = refusalOf(verdict, FACE_SESSION_MAX_ATTEMPTS - session.attemptsUsed);
  if (refusal) {
    const faceMismatch = verdict.liveness === 'pass' && verdict.face === 'mismatch';
    await recordFailedCheck(deps.store, { holder: input.holder, idIndex: input.idIndex, faceMismatch }, now);
    throw refusal;
  }
  await deps.store.markFacePassed(session.id, now);
}

/** No verdict is no failure: the attempt is spent, nothing is counted, and the caller may try again. */
async function askAuthority(deps: Deps, input: Parameters<Deps['authority']['verify']>[0]): Promise<AuthorityVerdict> {
  try {
    return await deps.authority.verify(input);
  } catch (error) {
    throw unavailable(error);
  }
}

/** AuthorityUnavailable as the caller sees it: INTERNAL, with the reason when there is a next step in it. */
export function unavailable(error: unknown): unknown {
  if (!(error instanceof AuthorityUnavailable)) return error;
  return new EidError('INTERNAL', { ...(error.why !== 'unexpected_reply' && { reason: error.why }), cause: error });
}

/**
 * Liveness first: without a live person nothing else counts. Then the face,
 * which the authority compares with the registered photo of the claimed
 * number whatever its name or status. Only a caller whose face is that
 * registered face (the person, or the authority's own record is wrong) learns
 * why the identity was not confirmed: deceased, cancelled, another name. Anyone
 * else gets the same answer for every number, so nobody learns whether a
 * person has died or whether a name belongs to a number. When there was no
 * photo to compare, the answer is the generic IDENTITY_NOT_FOUND with no reason.
 */
function refusalOf(verdict: AuthorityVerdict, attemptsLeft: number): EidError | null {
  const details = { attemptsLeft };
  if (verdict.liveness !== 'pass') return new EidError('LIVENESS_FAILED', { details });
  if (verdict.face === 'mismatch') return new EidError('FACE_MISMATCH', { details });
  if (verdict.face !== 'match') return new EidError('IDENTITY_NOT_FOUND', { details });
  if (verdict.identity !== 'match') return new EidError('IDENTITY_NOT_FOUND', { reason: verdict.identity, details });
  return null;
}
