/** A JWK of the right shape can still name a point off the curve: parse it at registration, not at the caller's first request. */
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { EidError } from '../../core/errors';

export function assertUsablePublicKey(jwk: JsonWebKey): void {
  try {
    createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    throw new EidError('INVALID_INPUT', { reason: 'public_key', details: { field: 'publicKeyJwk' } });
  }
}
