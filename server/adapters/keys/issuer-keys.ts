/**
 * The issuer's ES256 (P-256) keys as KeyObjects, parsed once. The key id is
 * the RFC 7638 thumbprint of the public key, so it never needs to be chosen.
 */
import { createHash, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { IssuerSigningKey } from '../../domain/ports';

export interface PublicJwk extends JsonWebKey {
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

export function keyIdOf(publicKey: KeyObject): string {
  const { crv, kty, x, y } = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv, kty, x, y });
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export class IssuerKeys {
  readonly current: IssuerSigningKey;
  /** Every key that still verifies: the current one and, during rotation, older ones. */
  private readonly verifying = new Map<string, KeyObject>();

  constructor(privateKey: KeyObject, olderPublicKeys: KeyObject[] = []) {
    if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new TypeError('The issuer key must be an EC P-256 private key');
    }
    const publicKey = createPublicKey(privateKey);
    this.current = { keyId: keyIdOf(publicKey), privateKey };
    for (const key of [publicKey, ...olderPublicKeys]) this.verifying.set(keyIdOf(key), key);
  }

  publicKey(keyId: string): KeyObject | undefined {
    return this.verifying.get(keyId);
  }

  jwks(): { keys: PublicJwk[] } {
    return {
      keys: [...this.verifying].map(([kid, key]) => ({ ...key.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' })),
    };
  }
}
