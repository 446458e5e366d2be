/** The card of the citizen calling, for every services action. */
import { EidError } from '../../../core/errors';
import type { Deps } from '../deps';
import type { HeldCard } from '../store';

export async function heldCardOf(deps: Pick<Deps, 'store'>, holder: string): Promise<HeldCard> {
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  return held;
}
