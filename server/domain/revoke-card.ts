/**
 * Use case: the holder revokes the card (journey 6), after a fresh face check,
 * since it cannot be undone. Revoked is final: the holder's card package is
 * empty again, and the holder and the ID number are free for a new
 * enrollment.
 */
import type { RevokeView } from '../../core/api';
import type { RevokeEvent } from '../../core/schemas';
import { cardReadyFor, changeCardState } from './change-card-state';
import type { Deps } from './deps';
import { forgetIdNumberFailures } from './rate-limit';

export async function revokeCard(deps: Deps, holder: string, request: Omit<RevokeEvent, 'action'>): Promise<RevokeView> {
  const now = deps.clock.now();
  const held = await cardReadyFor(deps, holder, 'revoke', request, now);
  await changeCardState(deps, held.card, 'revoke', now);
  await forgetIdNumberFailures(deps.store, held.identity.idIndex);
  return { revokedAt: now.toISOString() };
}
