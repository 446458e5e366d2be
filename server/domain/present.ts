/**
 * Use case: a presentation token for one scene (DESIGN.md §4). Needs an
 * active card of the scene's level and a face check of the holder no older
 * than REAUTH_VALID_SECONDS. The token holds no personal data. The upgrade
 * code is the same kind of token for the upgrade scene (present-upgrade.ts).
 */
import type { PresentationView } from '../../core/api';
import { EidError } from '../../core/errors';
import { PRESENTATION_MAX_LIFETIME_SECONDS, REAUTH_VALID_SECONDS } from '../../core/policy';
import { SCENES, type Scene } from '../../core/scenes';
import type { PresentEvent } from '../../core/schemas';
import { assertCardServes } from './card-rules';
import type { Deps } from './deps';

export async function present(deps: Deps, holder: string, { scene }: Omit<PresentEvent, 'action'>): Promise<PresentationView> {
  const now = deps.clock.now();
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  if (!SCENES[scene].presentable) throw new EidError('SCENE_NOT_ALLOWED', { reason: 'not_presentable' });
  assertCardServes(held.card, scene, now);
  await assertRecentFaceCheck(deps, holder, now);
  return mintPresentation(deps, held.card.id, scene, now);
}

export async function assertRecentFaceCheck(deps: Deps, holder: string, now: Date): Promise<void> {
  const passedAt = await deps.store.lastFacePassedAt(holder);
  if (!passedAt || now.getTime() - passedAt.getTime() > REAUTH_VALID_SECONDS * 1000) throw new EidError('REAUTH_REQUIRED');
}

/** A signed token for `scene` of the card, valid PRESENTATION_MAX_LIFETIME_SECONDS from now. */
export function mintPresentation(deps: Deps, cardId: string, scene: Scene, now: Date): PresentationView {
  const tokenId = deps.random.bytes(12);
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + PRESENTATION_MAX_LIFETIME_SECONDS;
  const token = deps.presentationSigner.sign({
    tokenId,
    cardRef: deps.cardRefs.seal(cardId, tokenId),
    scene: SCENES[scene].code,
    issuedAt,
    expiresAt,
  });
  return { token, scene, issuedAt: new Date(issuedAt * 1000).toISOString(), expiresAt: new Date(expiresAt * 1000).toISOString() };
}
