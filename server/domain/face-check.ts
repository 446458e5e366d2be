/**
 * One face check inside an open face session: spends an attempt, asks the
 * authority, and turns its verdict into the precise refusal. Enrolment and
 * the re-check before showing a QR code both go through here.
 */
import { EidError } from '../../core/errors';
import type { LivenessAnswer } from '../../core/liveness';
import { FACE_SESSION_MAX_ATTEMPTS } from '../../core/policy';
import type { Deps } from './deps';
import type { AuthorityVerdict, IdentityClaim } from './ports';

export interface FaceCheckInput {
  holder: string;
  claim: IdentityClaim;
  /** Rate-limit keys a refusal counts against. */
  failureKeys: string[];
  faceSessionId: string;
  liveness: LivenessAnswer;
  faceCapture: string;
}

/** Resolves when the authority confirmed a live person whose face matches the claim; throws the reason otherwise. */
export async function passFaceCheck(deps: Deps, input: FaceCheckInput, now: Date): Promise<void> {
  const session = await deps.store.spendFaceAttempt(input.faceSessionId, input.holder, now, FACE_SESSION_MAX_ATTEMPTS);
  if (!session) throw new EidError('FACE_SESSION_EXPIRED');

  const verdict = await deps.authority.verify({
    claim: input.claim,
    challenge: session.challenge,
    answer: input.liveness,
    faceCapture: input.faceCapture,
  });
  const refusal = refusalOf(verdict, FACE_SESSION_MAX_ATTEMPTS - session.attemptsUsed);
  if (refusal) {
    await deps.store.recordFailure(input.failureKeys, now);
    throw refusal;
  }
  await deps.store.markFacePassed(session.id, now);
}

/** Liveness first: without a live person nothing else counts. */
function refusalOf(verdict: AuthorityVerdict, attemptsLeft: number): EidError | null {
  const details = { attemptsLeft };
  if (verdict.liveness !== 'pass') return new EidError('LIVENESS_FAILED', { details });
  if (verdict.identity !== 'match') return new EidError('IDENTITY_NOT_FOUND', { reason: verdict.identity, details });
  if (verdict.face !== 'match') return new EidError('FACE_MISMATCH', { details });
  return null;
}
