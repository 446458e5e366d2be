/**
 * Spends a presentation token once and records its usage for the holder, as
 * one atomic step of the store; a token spent before is CODE_USED. The step
 * writes only while the card is still active (Store.recordVerification): a
 * card reported lost, revoked or expired since the use case checked it gets
 * its refusal as it is now (CARD_SUSPENDED, CARD_REVOKED, CARD_EXPIRED), with
 * nothing written. A counter verification and an upgrade at a terminal both
 * end here.
 */
import { EidError } from '../../core/errors';
import { toBase64Url } from '../token/bytes';
import { assertCardActive } from './card-rules';
import type { Deps } from './deps';
import { CardChanged, TokenAlreadyUsed, type CardUpgrade, type UsageRecord } from './store';

/** With `upgrade`, the card's new level is written in the same step; a card still active that the step refused throws its CardChanged for upgrade-card.ts. */
export async function spendPresentation(deps: Deps, tokenId: Uint8Array, usage: Omit<UsageRecord, 'id'>, upgrade?: CardUpgrade): Promise<void> {
  try {
    await deps.store.recordVerification(toBase64Url(tokenId), usage, upgrade);
  } catch (error) {
    if (error instanceof TokenAlreadyUsed) throw new EidError('CODE_USED');
    if (error instanceof CardChanged) assertCardActive(error.found, usage.at);
    throw error;
  }
}
