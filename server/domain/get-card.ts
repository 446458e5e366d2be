/** Use case: the caller's card, masked, or null when the card package is empty. */
import type { CardView } from '../../core/api';
import { toCardView } from './card-view';
import type { Deps } from './deps';

export async function getCard(deps: Deps, holder: string): Promise<CardView | null> {
  const held = await deps.store.findCardByHolder(holder);
  return held ? toCardView(held, deps.pii) : null;
}
