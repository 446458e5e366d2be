/**
 * Use case: a registered upgrade terminal makes a basic card colour
 * (journey 4). Named checks in a fixed order, each failure with its own code:
 * the code's offline checks for the upgrade scene; the terminal's upgrade
 * permission, in a supported city: one with an open site in the upgrade
 * directory (UPGRADE_NOT_PERMITTED, reason `city`); its in-person check, the physical ID
 * card read and the live face match (IN_PERSON_CHECK_FAILED); the card is
 * active and still basic (CARD_SUSPENDED, CARD_REVOKED, CARD_ALREADY_COLOUR);
 * the keypad password (PASSWORD_NOT_SET, PASSWORD_WRONG, PASSWORD_LOCKED).
 * Then one step of the store spends the code, records the holder's usage and
 * writes the new level signed into the card, all or nothing, and only while
 * the card is still as it was checked and signed: the history never shows an
 * upgrade that did not happen, nor a colour card without its upgrade.
 */
import type { UpgradeView } from '../../core/api';
import { EidError } from '../../core/errors';
import type { UpgradeEvent } from '../../core/schemas';
import { checkPresentationOffline } from '../token/check-presentation';
import { checkPassword } from './card-password';
import { assertCardActive } from './card-rules';
import { MAX_DECISIONS } from './change-card-state';
import type { Deps } from './deps';
import { upgradesServedIn } from './upgrade-directory';
import { spendPresentation } from './spend-presentation';
import { CardChanged, type CardRecord, type TerminalRecord, type UsageRecord } from './store';

export async function upgradeCard(
  deps: Deps,
  terminal: TerminalRecord,
  { token, inPersonCheck, password }: Pick<UpgradeEvent, 'token' | 'inPersonCheck' | 'password'>,
): Promise<UpgradeView> {
  const now = deps.clock.now();
  const offline = await checkPresentationOffline(token, { keys: deps.issuerKeys, now, expectedScene: 'upgrade' });
  if (!offline.ok) throw new EidError(offline.code, { reason: offline.check });
  if (!terminal.scenes.includes('upgrade')) throw new EidError('UPGRADE_NOT_PERMITTED');
  if (!(await upgradesServedIn(deps, terminal.city))) throw new EidError('UPGRADE_NOT_PERMITTED', { reason: 'city' });
  if (!inPersonCheck.idCardRead) throw new EidError('IN_PERSON_CHECK_FAILED', { reason: 'id_card' });
  if (!inPersonCheck.faceMatch) throw new EidError('IN_PERSON_CHECK_FAILED', { reason: 'face' });

  const { tokenId, cardRef } = offline.decoded.claims;
  const cardId = deps.cardRefs.open(cardRef, tokenId);
  const held = cardId ? await deps.store.getHeldCard(cardId) : null;
  if (!held) throw new EidError('CODE_INVALID', { reason: 'card' });
  assertCardActive(held.card, now);
  if (held.card.level === 'colour') throw new EidError('CARD_ALREADY_COLOUR');
  await checkPassword(deps, held.card.id, password, now);

  const usage = { cardId: held.card.id, at: now, terminalId: terminal.id, organisation: terminal.organisation, scene: 'upgrade' as const, attributes: [] };
  await spendOnUpgrade(deps, tokenId, held.card, usage);
  return { level: 'colour', upgradedAt: now.toISOString() };
}

/**
 * Signs the card colour over its validity and hands the store the spend, the
 * usage and the new level as one step. When the card changed after it was
 * read: a card no longer active answers its refusal (spend-presentation.ts),
 * one already colour CARD_ALREADY_COLOUR, and one renewed meanwhile is signed
 * again over its new validity, as changeCardState decides again on what a
 * racing change wrote.
 */
async function spendOnUpgrade(deps: Deps, tokenId: Uint8Array, card: CardRecord, usage: Omit<UsageRecord, 'id'>): Promise<void> {
  let current: CardRecord = card;
  for (let decision = 1; decision <= MAX_DECISIONS; decision++) {
    const { keyId, signature } = deps.cardSigner.sign({ cardId: current.id, level: 'colour', issuedAt: current.issuedAt, expiresAt: current.expiresAt });
    try {
      await spendPresentation(deps, tokenId, usage, { expected: current, change: { level: 'colour', keyId, signature } });
      return;
    } catch (error) {
      if (!(error instanceof CardChanged)) throw error;
      if (error.found.level === 'colour') throw new EidError('CARD_ALREADY_COLOUR');
      current = { ...current, ...error.found };
    }
  }
  throw new EidError('INTERNAL');
}
