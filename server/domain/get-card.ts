/**
 * Use case: the caller's card, masked, or null when the card package is
 * empty; then, if the card left for another account, when (journey 6).
 */
import type { CardEndedView, CardView } from '../../core/api';
import { toCardView } from './card-view';
import type { Deps } from './deps';

export async function getCard(deps: Deps, holder: string): Promise<{ card: CardView | null; ended?: CardEndedView }> {
  const held = await deps.store.findCardByHolder(holder);
  if (held) return { card: toCardView(held, deps.pii) };
  const moved = await deps.store.lastMoveFrom(holder);
  return { card: null, ...(moved && { ended: { reason: 'moved', at: moved.at.toISOString() } }) };
}
