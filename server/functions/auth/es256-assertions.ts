/**
 * The ES256 assertion check that terminals and partners share: the header's
 * kid names the caller, whose registered public key (a KeyObject, parsed
 * once) must have signed a short-lived JWT with iss = kid and the audience
 * of the function called (short-lived-jwt.ts: algorithm pinned, iat and exp).
 *
 * Whether a caller id is registered must not show: an assertion naming an
 * unknown id gets the answer a badly signed one for a known id gets, after
 * the same work (one store read, one ES256 check, against a key made for the
 * purpose at start-up that nothing can sign for).
 */
import { createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { verifyShortLivedJwt } from './short-lived-jwt';

export interface RegisteredSigner {
  id: string;
  publicKeyJwk: JsonWebKey;
}

export type VerifiedClaims = NonNullable<ReturnType<typeof verifyShortLivedJwt>>;

export class Es256Assertions<R extends RegisteredSigner> {
  private readonly keys = new Map<string, KeyObject>();
  /** Checked against when the kid names nobody; its private half is thrown away. */
  private readonly nobodysKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;

  constructor(
    private readonly lookup: (id: string) => Promise<R | null>,
    private readonly audience: string,
  ) {}

  /** The registered signer of a valid, current assertion and its claims, or null (for an unknown id after the same work). */
  async verify(assertion: string, now: number): Promise<{ signer: R; claims: VerifiedClaims } | null> {
    const header = headerOf(assertion);
    const id = header?.kid;
    if (typeof id !== 'string' || id.length > 64 || header?.alg !== 'ES256') return null;
    const signer = await this.lookup(id);
    const key = signer ? this.publicKey(signer) : this.nobodysKey;
    const claims = verifyShortLivedJwt(assertion, key, { algorithm: 'ES256', audience: this.audience, issuer: id, now });
    return signer && claims ? { signer, claims } : null;
  }

  private publicKey(signer: R): KeyObject {
    // Keyed by the key too, so a re-registered key is never checked against the old one.
    const cacheKey = `${signer.id} ${JSON.stringify(signer.publicKeyJwk)}`;
    let key = this.keys.get(cacheKey);
    if (!key) {
      key = createPublicKey({ key: signer.publicKeyJwk, format: 'jwk' });
      this.keys.set(cacheKey, key);
    }
    return key;
  }
}

/** The unverified header, or null: jsonwebtoken's decode throws (JSON.parse) on a payload that is not JSON. */
function headerOf(assertion: string): jwt.JwtHeader | null {
  try {
    return jwt.decode(assertion, { complete: true })?.header ?? null;
  } catch {
    return null;
  }
}
