/**
 * Identifies an administrator: a short-lived HS256 JWT under the admin key
 * (made by server/clients/assertions), accepted once. The most powerful
 * credential in the system (it registers terminals that receive full names
 * and ID numbers, and approves partners' scopes), so a captured assertion
 * must not be reusable for its remaining minutes: its `jti` is spent, until
 * it could no longer verify anyway, in the same used-assertion ledger
 * partners' assertions are spent in (issuer ADMIN_ASSERTION_ISSUER, which no
 * partner id can take).
 */
import type { KeyObject } from 'node:crypto';
import { EidError } from '../../../core/errors';
import { ASSERTION_AUDIENCE, CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';
import type { Clock } from '../../domain/ports';
import { ASSERTION_ID_PATTERN, verifyShortLivedJwt } from './short-lived-jwt';

/** Records an assertion id as used; false when it already was. */
export type SpendAssertionId = (jti: string, keptUntil: Date) => Promise<boolean>;

export const ADMIN_ASSERTION_ISSUER = '@admin';

export function adminAuthenticator(adminKey: KeyObject, clock: Clock, spend: SpendAssertionId) {
  return async (assertion: string): Promise<void> => {
    const now = Math.floor(clock.now().getTime() / 1000);
    const claims = verifyShortLivedJwt(assertion, adminKey, { algorithm: 'HS256', audience: ASSERTION_AUDIENCE.admin, now });
    if (!claims || typeof claims.jti !== 'string' || !ASSERTION_ID_PATTERN.test(claims.jti)) {
      throw new EidError('ADMIN_UNAUTHORIZED', { reason: 'admin_assertion' });
    }
    if (!(await spend(claims.jti, new Date((claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000)))) {
      throw new EidError('ADMIN_UNAUTHORIZED', { reason: 'replay' });
    }
  };
}

/**
 * A ledger in this process's memory, for an admin function composed without
 * the services store (each entry dropped once its assertion has expired).
 */
export function spendInProcess(clock: Clock): SpendAssertionId {
  const spent = new Map<string, number>();
  return async (jti, keptUntil) => {
    const now = clock.now().getTime();
    for (const [id, until] of spent) if (until <= now) spent.delete(id);
    if (spent.has(jti)) return false;
    spent.set(jti, keptUntil.getTime());
    return true;
  };
}
