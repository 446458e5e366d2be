/**
 * The one check for the short-lived assertions terminals and admins sign:
 * algorithm pinned, key a KeyObject, audience (and issuer) fixed, iat and exp
 * both present, iat not in the future and at most ASSERTION_MAX_AGE_SECONDS to exp.
 * jsonwebtoken alone accepts a future iat, which would let a caller pre-sign
 * an assertion that stays valid for as long as it likes.
 */
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ASSERTION_MAX_AGE_SECONDS, CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';

/** What an assertion id (`jti`) of a once-only assertion looks like: admin and partner assertions alike. */
export const ASSERTION_ID_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export interface ShortLivedJwtRules {
  algorithm: 'ES256' | 'HS256';
  audience: string;
  issuer?: string;
  /** Seconds since the epoch. */
  now: number;
}

/** The verified claims with their times, or null for anything that is not a valid, current assertion. */
export function verifyShortLivedJwt(token: string, key: KeyObject, rules: ShortLivedJwtRules): (jwt.JwtPayload & { iat: number; exp: number }) | null {
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, key, {
      algorithms: [rules.algorithm],
      audience: rules.audience,
      ...(rules.issuer !== undefined && { issuer: rules.issuer }),
      clockTimestamp: rules.now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxAge: ASSERTION_MAX_AGE_SECONDS,
    }) as jwt.JwtPayload;
  } catch {
    return null;
  }
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return null;
  if (iat > rules.now + CLOCK_TOLERANCE_SECONDS || exp - iat > ASSERTION_MAX_AGE_SECONDS) return null;
  return { ...claims, iat, exp };
}
