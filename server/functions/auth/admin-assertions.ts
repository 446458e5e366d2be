/**
 * Identifies an administrator: a JWT signed with the admin HMAC key (HS256,
 * pinned; the key a KeyObject), audience e-id-admin, at most 5 minutes old.
 */
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { EidError } from '../../../core/errors';
import type { Clock } from '../../domain/ports';

export const ADMIN_AUDIENCE = 'e-id-admin';

export function adminAuthenticator(adminKey: KeyObject, clock: Clock) {
  return (assertion: string): void => {
    try {
      jwt.verify(assertion, adminKey, {
        algorithms: ['HS256'],
        audience: ADMIN_AUDIENCE,
        clockTimestamp: Math.floor(clock.now().getTime() / 1000),
        maxAge: 300,
      });
    } catch (cause) {
      throw new EidError('ADMIN_UNAUTHORIZED', { reason: 'admin_assertion', cause });
    }
  };
}

/** Signs an admin assertion; used by the admin CLI and tests, which hold the key. */
export function signAdminAssertion(adminKey: KeyObject, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ iat, exp: iat + 120, aud: ADMIN_AUDIENCE, sub: 'admin' }, adminKey, { algorithm: 'HS256' });
}
