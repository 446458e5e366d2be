/** Use case: a fresh face check of the card holder, which showing a QR code needs (DESIGN.md §2, journey 2). */
import type { ReauthView } from '../../core/api';
import { EidError } from '../../core/errors';
import { REAUTH_VALID_SECONDS } from '../../core/policy';
import type { ReauthEvent } from '../../core/schemas';
import type { Deps } from './deps';
import { passFaceCheck } from './face-check';
import { openIdentity } from './sealed-identity';
import { assertCallerMayTry } from './rate-limit';

export async function reauth(deps: Deps, holder: string, request: Omit<ReauthEvent, 'action'>): Promise<ReauthView> {
  const now = deps.clock.now();
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  // Only the caller's own failures count here: the holder is re-checking their own card (rate-limit.ts).
  await assertCallerMayTry(deps.store, holder, now);

  const { faceSessionId, liveness, faceCapture } = request;
  const claim = openIdentity(held.identity, deps.pii);
  await passFaceCheck(deps, { holder, claim, faceSessionId, liveness, faceCapture }, now);
  return { validUntil: new Date(now.getTime() + REAUTH_VALID_SECONDS * 1000).toISOString() };
}
