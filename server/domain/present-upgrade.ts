/**
 * Use case: the upgrade code (journey 4), a presentation token for the
 * upgrade scene, single use and short-lived like a counter code. Only an
 * active basic card whose password is set gets one, and only after a recent
 * face check, so the terminal's checks are about the person, not the card.
 */
import type { PresentationView } from '../../core/api';
import { EidError } from '../../core/errors';
import { assertCardActive } from './card-rules';
import type { Deps } from './deps';
import { assertRecentFaceCheck, mintPresentation } from './present';

export async function presentUpgrade(deps: Deps, holder: string): Promise<PresentationView> {
  const now = deps.clock.now();
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  assertCardActive(held.card, now);
  if (held.card.level === 'colour') throw new EidError('CARD_ALREADY_COLOUR');
  if (!(await deps.store.getCardPassword(held.card.id))) throw new EidError('PASSWORD_NOT_SET');
  await assertRecentFaceCheck(deps, holder, now);
  return mintPresentation(deps, held.card.id, 'upgrade', now);
}
