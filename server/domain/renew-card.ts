/**
 * Use case: renewal in the last RENEWAL_WINDOW_DAYS before the card expires
 * (journey 6), after a fresh face check. The card keeps its id, its level and
 * its usage history; it gets a new validity from today and the issuer's
 * signature over it.
 */
import type { CardView } from '../../core/api';
import type { RenewEvent } from '../../core/schemas';
import { cardValidityFrom } from './card-validity';
import { toCardView } from './card-view';
import { cardReadyFor, changeCardState } from './change-card-state';
import type { Deps } from './deps';

export async function renewCard(deps: Deps, holder: string, request: Omit<RenewEvent, 'action'>): Promise<CardView> {
  const now = deps.clock.now();
  const held = await cardReadyFor(deps, holder, 'renew', request, now);

  const expiresAt = cardValidityFrom(now);
  const { keyId, signature } = deps.cardSigner.sign({ cardId: held.card.id, level: held.card.level, issuedAt: now, expiresAt });
  const renewal = { issuedAt: now, expiresAt, keyId, signature };
  const status = await changeCardState(deps, held.card, 'renew', now, { renewal });
  return toCardView({ ...held, card: { ...held.card, ...renewal, status } }, deps.pii);
}
