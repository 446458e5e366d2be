/**
 * The card's one state machine (DESIGN.md §2, journey 6), with the instant
 * passed in (the use cases read it from the injected clock):
 *
 *   active ──report_lost──► suspended ──reinstate (fresh face check)──► active
 *   active | suspended ──revoke──► revoked (final)
 *   active ──(by date)──► expired
 *   active | expired ──renew (from RENEWAL_WINDOW_DAYS before expiry on, fresh face check)──► active, new validity, same level
 *   active ──upgrade (at a registered terminal, upgrade-card.ts)──► active, colour
 *   active | suspended | expired ──move (to another account, fresh face check)──► revoked; the new account gets a new card of the same level and a new validity
 *
 * Expiry is never written: a card not revoked is expired once its validity has
 * ended. An expired card can still be renewed (the window opens before expiry
 * and does not close at it: otherwise a holder who missed it could only
 * revoke and enroll again, losing a colour level earned in person), and
 * revoked, so its holder can always have the personal data deleted. A card
 * that expired while reported lost renews only after the same fresh face check
 * of the holder that reinstating needs. Every refused transition throws its own
 * code, with the transition tried as the reason.
 */
import { cardStateAt, renewalOpensAt as opensAt, type CardState, type CardStatus, type CardTransition } from '../../core/card';
import { EidError, type ErrorCode } from '../../core/errors';
import { RENEWAL_WINDOW_DAYS } from '../../core/policy';
import type { CardRecord } from './store';

export function cardState(card: Pick<CardRecord, 'status' | 'expiresAt'>, now: Date): CardState {
  return cardStateAt(card.status, card.expiresAt, now);
}

/** When a card's renewal window opens. */
export function renewalOpensAt(card: Pick<CardRecord, 'expiresAt'>): Date {
  return opensAt(card.expiresAt, RENEWAL_WINDOW_DAYS);
}

/**
 * For each transition: the status it leads to from each state that allows it,
 * and the code each other state refuses it with.
 */
const MACHINE: Record<CardTransition, Record<CardState, CardStatus | ErrorCode>> = {
  report_lost: { active: 'suspended', suspended: 'CARD_ALREADY_SUSPENDED', expired: 'CARD_EXPIRED', revoked: 'CARD_REVOKED' },
  reinstate: { active: 'CARD_NOT_SUSPENDED', suspended: 'active', expired: 'CARD_EXPIRED', revoked: 'CARD_REVOKED' },
  revoke: { active: 'revoked', suspended: 'revoked', expired: 'revoked', revoked: 'CARD_REVOKED' },
  renew: { active: 'active', suspended: 'CARD_SUSPENDED', expired: 'active', revoked: 'CARD_REVOKED' },
  upgrade: { active: 'active', suspended: 'CARD_SUSPENDED', expired: 'CARD_EXPIRED', revoked: 'CARD_REVOKED' },
  // A card reported lost can move: a lost phone is the usual reason to move. An expired one too, or a
  // person whose old account is gone could neither renew it (that needs the old account) nor enroll again.
  move: { active: 'revoked', suspended: 'revoked', expired: 'revoked', revoked: 'CARD_REVOKED' },
};

const isStatus = (value: CardStatus | ErrorCode): value is CardStatus => value === 'active' || value === 'suspended' || value === 'revoked';

/** The status `transition` leads the card to at `now`; throws the refusal's own code otherwise. */
export function nextStatus(card: Pick<CardRecord, 'status' | 'expiresAt'>, transition: CardTransition, now: Date): CardStatus {
  const outcome = MACHINE[transition][cardState(card, now)];
  if (!isStatus(outcome)) throw new EidError(outcome, { reason: transition });
  if (transition === 'renew' && now.getTime() < renewalOpensAt(card).getTime()) {
    throw new EidError('RENEWAL_NOT_OPEN', { reason: transition, details: { opensAt: renewalOpensAt(card).toISOString() } });
  }
  return outcome;
}
