/**
 * Use case: the holder reports the card lost (journey 6). No face check: the
 * phone may be in a thief's hand, and whoever holds the signed-in account can
 * only make the card safer. Once this returns, the card is suspended, so no
 * code of it verifies any more, online or in a partner's exchange
 * (card-rules.ts), and no new code can be shown, whenever it was made.
 */
import type { CardView } from '../../core/api';
import { EidError } from '../../core/errors';
import { toCardView } from './card-view';
import { changeCardState } from './change-card-state';
import type { Deps } from './deps';

export async function reportLost(deps: Deps, holder: string): Promise<CardView> {
  const now = deps.clock.now();
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  await changeCardState(deps, held.card, 'report_lost', now);
  return toCardView({ ...held, card: { ...held.card, status: 'suspended' } }, deps.pii);
}
