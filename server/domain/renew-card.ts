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
  // Signed over the level the card has when written: an upgrade may have come first.
  const card = await changeCardState(deps, held.card, 'renew', now, ({ id: cardId, level }) => ({
    renewal: { issuedAt: now, expiresAt, ...deps.cardSigner.sign({ cardId, level, issuedAt: now, expiresAt }) },
  }));
  return toCardView({ ...held, card }, deps.pii);
}
