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

/** An earlier issuer key that still verifies after a rotation, until `retireAt` (none: until an operator removes it). */
export interface RetiringKey {
  publicKey: KeyObject;
  retireAt?: Date;
}

function assertIssuerKey(privateKey: KeyObject): void {
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new TypeError('The issuer key must be an EC P-256 private key');
  }
}

/**
 * The issuer's keyring. Rotation (`rotate`) makes a new key sign from then
 * on; the old one keeps verifying, and stays in the JWKS, until its
 * `retireAt`, when everything it signed is past its life; `now` comes from
 * the clock handed in, so tests move time across the overlap.
 */
export class IssuerKeys implements SignatureKeyring {
  private signing: IssuerSigningKey;
  private readonly currentPublic = new Map<string, KeyObject>();
  private readonly older = new Map<string, RetiringKey>();

  constructor(
    privateKey: KeyObject,
    olderKeys: Array<KeyObject | RetiringKey> = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    assertIssuerKey(privateKey);
    const publicKey = createPublicKey(privateKey);
    this.signing = { keyId: keyIdOf(publicKey), privateKey };
    this.currentPublic.set(this.signing.keyId, publicKey);
    for (const key of olderKeys) {
      const retiring = 'publicKey' in key ? key : { publicKey: key };
      const kid = keyIdOf(retiring.publicKey);
      if (kid !== this.signing.keyId) this.older.set(kid, retiring);
    }
  }

  /** The key that signs now (read it at each signature: a rotation replaces it). */
  get current(): IssuerSigningKey {
    return this.signing;
  }

  /** Earlier keys still in their overlap, with when each retires. */
  retiring(): Array<{ keyId: string } & RetiringKey> {
    const at = this.now().getTime();
    return [...this.older].filter(([, key]) => !key.retireAt || key.retireAt.getTime() > at).map(([keyId, key]) => ({ keyId, ...key }));
  }

  /** `privateKey` signs from now on; the current key verifies until `retireAt`. */
  rotate(privateKey: KeyObject, retireAt: Date): { keyId: string; retiredKeyId: string } {
    assertIssuerKey(privateKey);
    const previous = this.signing;
    this.older.set(previous.keyId, { publicKey: this.currentPublic.get(previous.keyId)!, retireAt });
    this.currentPublic.clear();
    const publicKey = createPublicKey(privateKey);
    this.signing = { keyId: keyIdOf(publicKey), privateKey };
    this.currentPublic.set(this.signing.keyId, publicKey);
    return { keyId: this.signing.keyId, retiredKeyId: previous.keyId };
  }

  private verifying(): Map<string, KeyObject> {
    return new Map([...this.currentPublic, ...this.retiring().map(({ keyId, publicKey }) => [keyId, publicKey] as const)]);
  }

  verify(keyId: string, signedBytes: Uint8Array, signature: Uint8Array): Promise<boolean> {
    const key = this.verifying().get(keyId);
    return key ? es256Verify(key, signedBytes, signature) : Promise.resolve(false);
  }

  jwks(): { keys: PublicJwk[] } {
    return {
      keys: [...this.verifying()].map(([kid, key]) => ({ ...key.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' })),
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
