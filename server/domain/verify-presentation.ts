/**
 * Use case: a registered terminal verifies a presentation token online. The
 * checks run in a fixed order, each with its own code: the offline ones
 * (structure, signature, validity, scene), then the terminal's scenes, the
 * card's status and level, and last one-time use, which is recorded in the
 * same transaction as the holder's usage record. That transaction checks the
 * card's status again and writes nothing if it changed meanwhile, so a card
 * reported lost or revoked while this runs releases nothing
 * (spend-presentation.ts).
 */
import type { VerificationView } from '../../core/api';
import { EidError } from '../../core/errors';
import { SCENES } from '../../core/scenes';
import type { VerifyEvent } from '../../core/schemas';
import { checkPresentationOffline } from '../token/check-presentation';
import { assertCardServes } from './card-rules';
import type { Deps } from './deps';
import { releaseAttributes } from './release-attributes';
import { spendPresentation } from './spend-presentation';
import type { TerminalRecord } from './store';

export async function verifyPresentation(
  deps: Deps,
  terminal: TerminalRecord,
  { token, scene }: Pick<VerifyEvent, 'token' | 'scene'>,
): Promise<VerificationView> {
  const now = deps.clock.now();
  const offline = await checkPresentationOffline(token, { keys: deps.issuerKeys, now, expectedScene: scene });
  if (!offline.ok) throw new EidError(offline.code, { reason: offline.check });
  if (!terminal.scenes.includes(scene)) throw new EidError('SCENE_NOT_ALLOWED', { reason: 'terminal' });
  // An upgrade code is spent only by an upgrade (upgrade-card.ts), never by a plain verification.
  if (scene === 'upgrade') throw new EidError('SCENE_NOT_ALLOWED', { reason: 'not_presentable' });

  const { tokenId, cardRef } = offline.decoded.claims;
  const cardId = deps.cardRefs.open(cardRef, tokenId);
  const held = cardId ? await deps.store.getHeldCard(cardId) : null;
  if (!held) throw new EidError('CODE_INVALID', { reason: 'card' });
  assertCardServes(held.card, scene, now);

  const attributes = releaseAttributes(held, scene, deps.pii, now);
  await spendPresentation(deps, tokenId, {
    cardId: held.card.id,
    at: now,
    terminalId: terminal.id,
    organisation: terminal.organisation,
    scene,
    attributes: [...SCENES[scene].attributes],
  });
  return { scene, attributes, verifiedAt: now.toISOString() };
}
