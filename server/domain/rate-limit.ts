/**
 * Failed identity checks are limited per caller and per ID number (by its
 * HMAC index), so neither a script nor a stolen number gets many tries.
 */
import { EidError } from '../../core/errors';
import { FAILURE_LIMIT, FAILURE_WINDOW_SECONDS } from '../../core/policy';
import type { Store } from './store';

export const callerKey = (holder: string) => `caller:${holder}`;
export const idNumberKey = (idIndex: string) => `id:${idIndex}`;

export async function assertNotRateLimited(store: Store, keys: string[], now: Date): Promise<void> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_SECONDS * 1000);
  for (const key of keys) {
    if ((await store.countFailures(key, since)) >= FAILURE_LIMIT) throw new EidError('RATE_LIMITED');
  }
}
