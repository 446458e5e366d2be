/**
 * Use case: enroll a basic card (DESIGN.md §2, journey 1).
 *
 * Order matters: consent before any personal data is processed; cheap
 * validation before the caller's rate limit; the rate limit before the
 * authority; the ID number's own count only after the face check, so that
 * strangers cannot lock its holder out (rate-limit.ts); the card-per-ID-number
 * rule only after the authority has confirmed that the caller is the person,
 * so nobody can probe whether a number holds a card.
 */
import type { CardView } from '../../core/api';
import { EidError } from '../../core/errors';
import type { EnrollEvent } from '../../core/schemas';
import { cardValidityFrom } from './card-validity';
import { toCardView } from './card-view';
import { sealIdentity } from './sealed-identity';
import type { Deps } from './deps';
import { passFaceCheck } from './face-check';
import { parseClaim } from './identity-claim';
import { assertCallerMayTry } from './rate-limit';
import { CardConflict, type CardRecord } from './store';

export async function enroll(deps: Deps, holder: string, request: Omit<EnrollEvent, 'action'>): Promise<CardView> {
  const now = deps.clock.now();
  const claim = parseClaim(request, now);

  await assertCallerMayTry(deps.store, holder, now);
  if (await deps.store.findCardByHolder(holder)) throw new EidError('CARD_EXISTS', { reason: 'holder' });

  const idIndex = deps.pii.index(claim.idNumber);
  const { faceSessionId, liveness, faceCapture } = request;
  await passFaceCheck(deps, { holder, claim, idIndex, faceSessionId, liveness, faceCapture }, now);

  const identity = sealIdentity(deps.pii, { id: deps.random.token(16), idIndex, ...claim, createdAt: now });

  const cardId = deps.random.token(16);
  const expiresAt = cardValidityFrom(now);
  const { keyId, signature } = deps.cardSigner.sign({ cardId, level: 'basic', issuedAt: now, expiresAt });
  const card: CardRecord = {
    id: cardId,
    identityId: identity.id,
    holder,
    level: 'basic',
    status: 'active',
    issuedAt: now,
    expiresAt,
    keyId,
    signature,
  };

  try {
    await deps.store.mintCard(identity, card);
  } catch (error) {
    if (error instanceof CardConflict) throw new EidError('CARD_EXISTS', { reason: error.by });
    throw error;
  }
  return toCardView({ card, identity }, deps.pii);
}
