/** Use case: a fresh face check of the card holder, which showing a QR code needs (DESIGN.md §2, journey 2). */
import type { ReauthView } from '../../core/api';
import { EidError } from '../../core/errors';
import { REAUTH_VALID_SECONDS } from '../../core/policy';
import type { ReauthEvent } from '../../core/schemas';
import type { Deps } from './deps';
import { passFaceCheck } from './face-check';
import { openIdentity } from './sealed-identity';
import { assertCallerMayTry } from './rate-limit';
import type { HeldCard } from './store';

/** What the device sends for a face check inside an open session: reauth, reinstate, renew and revoke all carry it. */
export type FaceProof = Pick<ReauthEvent, 'faceSessionId' | 'liveness' | 'faceCapture'>;

export async function reauth(deps: Deps, holder: string, request: Omit<ReauthEvent, 'action'>): Promise<ReauthView> {
  const now = deps.clock.now();
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  await passHolderFaceCheck(deps, holder, held, request, now);
  return { validUntil: new Date(now.getTime() + REAUTH_VALID_SECONDS * 1000).toISOString() };
}

/** Checks that the caller's live face is the card's identity; throws the face check's refusal otherwise. */
export async function passHolderFaceCheck(deps: Deps, holder: string, held: HeldCard, proof: FaceProof, now: Date): Promise<void> {
  // Only the caller's own failures count here: the holder is re-checking their own card (rate-limit.ts).
  await assertCallerMayTry(deps.store, holder, now);
  const { faceSessionId, liveness, faceCapture } = proof;
  const claim = openIdentity(held.identity, deps.pii);
  await passFaceCheck(deps, { holder, claim, faceSessionId, liveness, faceCapture }, now);
}
