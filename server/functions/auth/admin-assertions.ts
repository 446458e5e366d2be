/** Identifies an administrator: a short-lived HS256 JWT under the admin key, audience e-id-admin. */
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { verifyShortLivedJwt } from './short-lived-jwt';
import { EidError } from '../../../core/errors';
import type { Clock } from '../../domain/ports';

export const ADMIN_AUDIENCE = 'e-id-admin';

export function adminAuthenticator(adminKey: KeyObject, clock: Clock) {
  return (assertion: string): void => {
    const now = Math.floor(clock.now().getTime() / 1000);
    if (!verifyShortLivedJwt(assertion, adminKey, { algorithm: 'HS256', audience: ADMIN_AUDIENCE, now })) {
      throw new EidError('ADMIN_UNAUTHORIZED', { reason: 'admin_assertion' });
    }
  };
}

/** Signs an admin assertion; used by the admin CLI and tests, which hold the key. */
export function signAdminAssertion(adminKey: KeyObject, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ iat, exp: iat + 120, aud: ADMIN_AUDIENCE, sub: 'admin' }, adminKey, { algorithm: 'HS256' });
}
