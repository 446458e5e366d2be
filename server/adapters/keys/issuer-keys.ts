/**
 * The issuer's ES256 (P-256) keys as KeyObjects, parsed once. The key id is
 * the RFC 7638 thumbprint of the public key, so it never needs to be chosen.
 * The current key signs; every published key verifies (the JWKS), which makes
 * this the issuer keyring the domain and the offline checks see as a port.
 */
import { createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { SignatureKeyring } from '../../token/check-presentation';

/** The issuer's current signing key (a KeyObject, parsed once; never a PEM per call). */
export interface IssuerSigningKey {
  keyId: string;
  privateKey: KeyObject;
}

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

export class IssuerKeys implements SignatureKeyring {
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

  verify(keyId: string, signedBytes: Uint8Array, signature: Uint8Array): Promise<boolean> {
    const key = this.verifying.get(keyId);
    return key ? es256Verify(key, signedBytes, signature) : Promise.resolve(false);
  }

  jwks(): { keys: PublicJwk[] } {
    return {
      keys: [...this.verifying].map(([kid, key]) => ({ ...key.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' })),
    };
  }
}

/** A keyring over published public keys alone (a verifier's JWKS), for the offline checks. */
export function publicKeyring(keys: ReadonlyMap<string, KeyObject>): SignatureKeyring {
  return {
    verify(keyId, signedBytes, signature) {
      const key = keys.get(keyId);
      return key ? es256Verify(key, signedBytes, signature) : Promise.resolve(false);
    },
  };
}

/**
 * ES256 only, whatever a token says: the algorithm is pinned here, not read
 * from the input. The callback form runs on libuv's thread pool, so checks
 * use both cores instead of queueing on the event loop.
 */
export function es256Verify(publicKey: KeyObject, signedBytes: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (publicKey.asymmetricKeyType !== 'ec') return Promise.resolve(false);
  return new Promise((resolve) => {
    verify('sha256', signedBytes, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature, (error, valid) => resolve(!error && valid));
  });
}
