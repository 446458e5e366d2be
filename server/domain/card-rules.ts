/** The card-state rules that presenting, verifying and the services journey share. */
import { EidError } from '../../core/errors';
import { levelSatisfies } from '../../core/card';
import { SCENES, type Scene } from '../../core/scenes';
import type { CardRecord } from './store';

/** Throws the code a suspended, revoked or expired card gets, whatever it is used for. */
export function assertCardActive(card: CardRecord, now: Date): void {
  if (card.status === 'suspended') throw new EidError('CARD_SUSPENDED');
  if (card.status === 'revoked') throw new EidError('CARD_REVOKED');
  if (card.expiresAt.getTime() <= now.getTime()) throw new EidError('CARD_REVOKED', { reason: 'expired' });
}

/** Throws the code a suspended, revoked, expired or too-low card gets for this scene. */
export function assertCardServes(card: CardRecord, scene: Scene, now: Date): void {
  assertCardActive(card, now);
  if (!levelSatisfies(card.level, SCENES[scene].minLevel)) throw new EidError('LEVEL_TOO_LOW');
}
