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
    const now = Math.floor(clock.now().getTime() / 1000);
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(assertion, adminKey, { algorithms: ['HS256'], audience: ADMIN_AUDIENCE, clockTimestamp: now, maxAge: 300 }) as jwt.JwtPayload;
    } catch (cause) {
      throw new EidError('ADMIN_UNAUTHORIZED', { reason: 'admin_assertion', cause });
    }
    // An expiry is required, and an iat in the future would stretch maxAge without limit.
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.iat > now + 5 || claims.exp - claims.iat > 300) {
      throw new EidError('ADMIN_UNAUTHORIZED', { reason: 'admin_assertion' });
    }
  };
}

/** Signs an admin assertion; used by the admin CLI and tests, which hold the key. */
export function signAdminAssertion(adminKey: KeyObject, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ iat, exp: iat + 120, aud: ADMIN_AUDIENCE, sub: 'admin' }, adminKey, { algorithm: 'HS256' });
}
