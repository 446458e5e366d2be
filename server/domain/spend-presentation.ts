/**
 * Spends a presentation token once and records its usage for the holder, as
 * one atomic step of the store; a token spent before is CODE_USED. A counter
 * verification and an upgrade at a terminal both end here.
 */
import { EidError } from '../../core/errors';
import { toBase64Url } from '../token/bytes';
import type { Deps } from './deps';
import { TokenAlreadyUsed, type UsageRecord } from './store';

export async function spendPresentation(deps: Deps, tokenId: Uint8Array, usage: Omit<UsageRecord, 'id'>): Promise<void> {
  try {
    await deps.store.recordVerification(toBase64Url(tokenId), usage);
  } catch (error) {
    if (error instanceof TokenAlreadyUsed) throw new EidError('CODE_USED');
    throw error;
  }
}
