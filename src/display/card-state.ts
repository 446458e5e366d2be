/** What the card pages say about a held card's state: the same rule the server refuses by (core/card.ts). */
import type { CardView } from '../../core/api';
import { cardStateAt, type CardState } from '../../core/card';
import type { MessageKey } from '../i18n';

export function heldCardState(card: CardView, now = new Date()): CardState {
  return cardStateAt(card.status, new Date(card.expiresAt), now);
}

/** Why a card in each state but active shows no QR code, and whether card management can help (reinstate, renew). */
export const NO_QR: Record<Exclude<CardState, 'active'>, { why: MessageKey; manage: boolean }> = {
  suspended: { why: 'card.noQr.suspended', manage: true },
  expired: { why: 'card.noQr.expired', manage: true },
  revoked: { why: 'card.noQr.revoked', manage: false },
};
