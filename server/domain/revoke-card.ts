/**
 * Use case: the holder revokes the card (journey 6), after a fresh face check,
 * since it cannot be undone. Revoked is final: the holder's card package is
 * empty again, and the holder and the ID number are free for a new
 * enrollment. The card's services records follow it: its grants go and its
 * partner exchanges stay only as a count (ServicesStore.forgetCard), as its
 * usages do.
 */
import type { RevokeView } from '../../core/api';
import type { RevokeEvent } from '../../core/schemas';
import { cardReadyFor, changeCardState } from './change-card-state';
import type { Deps } from './deps';
import { forgetIdNumberFailures } from './rate-limit';
import type { ServicesDeps } from './services-deps';

export async function revokeCard(deps: Deps, holder: string, request: Omit<RevokeEvent, 'action'>, services?: Pick<ServicesDeps, 'store'>): Promise<RevokeView> {
  const now = deps.clock.now();
  const held = await cardReadyFor(deps, holder, 'revoke', request, now);
  await changeCardState(deps, held.card, 'revoke', now);
  await forgetIdNumberFailures(deps.store, held.identity.idIndex);
  await services?.store.forgetCard(held.card.id, now);
  return { revokedAt: now.toISOString() };
}
