/**
 * The card's vocabulary: its levels, in the order they rank, and its statuses.
 * Scenes, the store, the API types and the card page all speak these words.
 */
export const CARD_LEVELS = ['basic', 'colour'] as const;
export type CardLevel = (typeof CARD_LEVELS)[number];

export const CARD_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/**
 * The state a card is in at an instant: its stored status, except that a card
 * not revoked is `expired` once its validity has ended (expiry is by date, so
 * it is never written; server/domain/card-lifecycle.ts).
 */
export type CardState = CardStatus | 'expired';

/** The card's state at `now` (the domain decides by it; the card pages show it). */
export function cardStateAt(status: CardStatus, expiresAt: Date, now: Date): CardState {
  if (status === 'revoked') return 'revoked';
  return expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}

/** What a holder can do to their card's state (server/domain/card-lifecycle.ts holds the machine). */
export const CARD_TRANSITIONS = ['report_lost', 'reinstate', 'revoke', 'renew', 'upgrade', 'move'] as const;
export type CardTransition = (typeof CARD_TRANSITIONS)[number];

/** When a card that expires at `expiresAt` can first be renewed (the card page shows it; the domain decides by it). */
export function renewalOpensAt(expiresAt: Date, windowDays: number): Date {
  return new Date(expiresAt.getTime() - windowDays * 24 * 60 * 60 * 1000);
}

/** Whether a card of `level` may serve where `minLevel` is required (a colour card serves basic scenes too). */
export function levelSatisfies(level: CardLevel, minLevel: CardLevel): boolean {
  return CARD_LEVELS.indexOf(level) >= CARD_LEVELS.indexOf(minLevel);
}
