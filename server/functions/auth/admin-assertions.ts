/** Identifies an administrator: a short-lived HS256 JWT under the admin key (made by server/clients/assertions). */
import type { KeyObject } from 'node:crypto';
import { EidError } from '../../../core/errors';
import { ASSERTION_AUDIENCE } from '../../../core/policy';
import type { Clock } from '../../domain/ports';
import { verifyShortLivedJwt } from './short-lived-jwt';

export function adminAuthenticator(adminKey: KeyObject, clock: Clock) {
  return (assertion: string): void => {
    const now = Math.floor(clock.now().getTime() / 1000);
    if (!verifyShortLivedJwt(assertion, adminKey, { algorithm: 'HS256', audience: ASSERTION_AUDIENCE.admin, now })) {
      throw new EidError('ADMIN_UNAUTHORIZED', { reason: 'admin_assertion' });
    }
  };
}
