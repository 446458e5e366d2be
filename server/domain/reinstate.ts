/**
 * Use case: a suspended card is reinstated after a fresh face check of its
 * holder (journey 6). The state machine is asked first, so a card that cannot
 * be reinstated costs the caller no face attempt.
 */
import type { CardView } from '../../core/api';
import type { ReinstateEvent } from '../../core/schemas';
import { toCardView } from './card-view';
import { cardReadyFor, changeCardState } from './change-card-state';
import type { Deps } from './deps';

export async function reinstate(deps: Deps, holder: string, request: Omit<ReinstateEvent, 'action'>): Promise<CardView> {
  const now = deps.clock.now();
  const held = await cardReadyFor(deps, holder, 'reinstate', request, now);
  await changeCardState(deps, held.card, 'reinstate', now);
  return toCardView({ ...held, card: { ...held.card, status: 'active' } }, deps.pii);
}
