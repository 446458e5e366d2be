/**
 * The card's vocabulary: its levels, in the order they rank, and its statuses.
 * Scenes, the store, the API types and the card page all speak these words.
 */
export const CARD_LEVELS = ['basic', 'colour'] as const;
export type CardLevel = (typeof CARD_LEVELS)[number];

export const CARD_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Whether a card of `level` may serve where `minLevel` is required (a colour card serves basic scenes too). */
export function levelSatisfies(level: CardLevel, minLevel: CardLevel): boolean {
  return CARD_LEVELS.indexOf(level) >= CARD_LEVELS.indexOf(minLevel);
}
