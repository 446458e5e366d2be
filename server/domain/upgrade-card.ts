/**
 * Use case: a registered upgrade terminal makes a basic card colour
 * (journey 4). Named checks in a fixed order, each failure with its own code:
 * the code's offline checks for the upgrade scene; the terminal's upgrade
 * permission (UPGRADE_NOT_PERMITTED); its in-person check, the physical ID
 * card read and the live face match (IN_PERSON_CHECK_FAILED); the card is
 * active and still basic (CARD_SUSPENDED, CARD_REVOKED, CARD_ALREADY_COLOUR);
 * the keypad password (PASSWORD_NOT_SET, PASSWORD_WRONG, PASSWORD_LOCKED);
 * then the code is spent, once, with the holder's usage record, and the new
 * level is signed into the card.
 */
import type { UpgradeView } from '../../core/api';
import { EidError } from '../../core/errors';
import type { UpgradeEvent } from '../../core/schemas';
import { checkPresentationOffline } from '../token/check-presentation';
import { checkPassword } from './card-password';
import { assertCardActive } from './card-rules';
import { changeCardState } from './change-card-state';
import type { Deps } from './deps';
import { spendPresentation } from './spend-presentation';
import type { TerminalRecord } from './store';

export async function upgradeCard(
  deps: Deps,
  terminal: TerminalRecord,
  { token, inPersonCheck, password }: Pick<UpgradeEvent, 'token' | 'inPersonCheck' | 'password'>,
): Promise<UpgradeView> {
  const now = deps.clock.now();
  const offline = await checkPresentationOffline(token, { keys: deps.issuerKeys, now, expectedScene: 'upgrade' });
  if (!offline.ok) throw new EidError(offline.code, { reason: offline.check });
  if (!terminal.scenes.includes('upgrade')) throw new EidError('UPGRADE_NOT_PERMITTED');
  if (!inPersonCheck.idCardRead) throw new EidError('IN_PERSON_CHECK_FAILED', { reason: 'id_card' });
  if (!inPersonCheck.faceMatch) throw new EidError('IN_PERSON_CHECK_FAILED', { reason: 'face' });

  const { tokenId, cardRef } = offline.decoded.claims;
  const cardId = deps.cardRefs.open(cardRef, tokenId);
  const held = cardId ? await deps.store.getHeldCard(cardId) : null;
  if (!held) throw new EidError('CODE_INVALID', { reason: 'card' });
  assertCardActive(held.card, now);
  if (held.card.level === 'colour') throw new EidError('CARD_ALREADY_COLOUR');
  await checkPassword(deps, held.card.id, password, now);

  await spendPresentation(deps, tokenId, { cardId: held.card.id, at: now, terminalId: terminal.id, organisation: terminal.organisation, scene: 'upgrade', attributes: [] });
  // Signed over the validity the card has when written: a renewal may have come first.
  await changeCardState(deps, held.card, 'upgrade', now, ({ id: cardId, issuedAt, expiresAt }) => ({
    upgrade: { level: 'colour', ...deps.cardSigner.sign({ cardId, level: 'colour', issuedAt, expiresAt }) },
  }));
  return { level: 'colour', upgradedAt: now.toISOString() };
}
