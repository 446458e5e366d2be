/**
 * A partner's assertion for one call of the partner function: an ES256 JWT
 * signed with the key registered at onboarding, kid = iss = partner id,
 * aud = e-id-partner, a fresh random jti (the service accepts each jti once),
 * valid for `lifetime` seconds (at most the policy's five minutes).
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ASSERTION_AUDIENCE, ASSERTION_MAX_AGE_SECONDS } from '../../../core/policy';

/** A partner's id (from onboarding) and its ES256 private key, as the partner's backend holds them. */
export interface PartnerCredential {
  partnerId: string;
  privateKey: KeyObject;
}

export function signPartnerAssertion(credential: PartnerCredential, now: Date = new Date(), lifetime = 60): string {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + Math.min(lifetime, ASSERTION_MAX_AGE_SECONDS);
  return jwt.sign(
    { iat, exp, iss: credential.partnerId, aud: ASSERTION_AUDIENCE.partner, jti: randomBytes(16).toString('base64url') },
    credential.privateKey,
    { algorithm: 'ES256', keyid: credential.partnerId },
  );
}
