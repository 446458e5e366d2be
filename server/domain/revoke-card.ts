/**
 * Use case: the holder revokes the card (journey 6), after a fresh face check,
 * since it cannot be undone. Revoked is final: the holder's card package is
 * empty again, and the holder and the ID number are free for a new
 * enrollment.
 */
import type { RevokeView } from '../../core/api';
import { EidError } from '../../core/errors';
import type { RevokeEvent } from '../../core/schemas';
import { nextStatus } from './card-lifecycle';
import { changeCardState } from './change-card-state';
import type { Deps } from './deps';
import { passHolderFaceCheck } from './reauth';

export async function revokeCard(deps: Deps, holder: string, request: Omit<RevokeEvent, 'action'>): Promise<RevokeView> {
  const now = deps.clock.now();
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  nextStatus(held.card, 'revoke', now);
  await passHolderFaceCheck(deps, holder, held, request, now);
  await changeCardState(deps, held.card, 'revoke', now);
  return { revokedAt: now.toISOString() };
}
