/** The card-state rules that presenting, verifying and the services journey share. */
import { EidError } from '../../core/errors';
import { levelSatisfies, type CardState } from '../../core/card';
import { SCENES, type Scene } from '../../core/scenes';
import { cardState } from './card-lifecycle';
import type { CardRecord } from './store';

const REFUSED = { suspended: 'CARD_SUSPENDED', revoked: 'CARD_REVOKED', expired: 'CARD_EXPIRED' } as const;

/** Throws the code a suspended, revoked or expired card gets, whatever it is used for: the same codes the lifecycle refuses with. */
export function assertCardActive(card: Pick<CardRecord, 'status' | 'expiresAt'>, now: Date): void {
  const state: CardState = cardState(card, now);
  if (state !== 'active') throw new EidError(REFUSED[state]);
}

/** Throws the code a suspended, revoked, expired or too-low card gets for this scene. */
export function assertCardServes(card: CardRecord, scene: Scene, now: Date): void {
  assertCardActive(card, now);
  if (!levelSatisfies(card.level, SCENES[scene].minLevel)) throw new EidError('LEVEL_TOO_LOW');
}
