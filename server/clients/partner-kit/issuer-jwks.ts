/**
 * The issuer's published keys (its JWKS) as a partner's backend uses them:
 * fetched once, refetched when a release names an unknown key (at most once a
 * minute), and the one check of a release's signature — ES256 pinned, issuer
 * e-id-card, audience = your partner id, not expired.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { PartnerAttributes } from '../../../core/services-api';
import { PARTNER_SCOPES, type PartnerScope } from '../../../core/services';

export const RELEASE_ISSUER = 'e-id-card';
const REFETCH_INTERVAL_MS = 60_000;

/** A release whose issuer signature checked out. */
export interface VerifiedRelease {
  /** The pairwise subject id: the same for this person at your service every time, unlinkable elsewhere. */
  subject: string;
  tileId: string;
  scopes: PartnerScope[];
  attributes: PartnerAttributes;
  issuedAt: Date;
  expiresAt: Date;
}

export class ReleaseRefused extends Error {
  constructor(readonly check: 'key' | 'signature' | 'claims') {
    super(`the release failed its ${check} check`);
    this.name = 'ReleaseRefused';
  }
}

type FetchJson = (url: string) => Promise<unknown>;

export class IssuerJwks {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = -Infinity;

  constructor(
    private readonly jwksUrl: string,
    private readonly fetchJson: FetchJson = async (url) => (await fetch(url)).json(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The key with this kid, refetching the set once if it is not known yet. */
  async key(kid: string): Promise<KeyObject | null> {
    if (!this.keys.has(kid) && this.clock().getTime() - this.fetchedAt >= REFETCH_INTERVAL_MS) await this.refresh();
    return this.keys.get(kid) ?? null;
  }

  private async refresh(): Promise<void> {
    const body = (await this.fetchJson(this.jwksUrl)) as { keys?: Array<JsonWebKey & { kid?: unknown }> };
    const keys = new Map<string, KeyObject>();
    for (const jwk of body.keys ?? []) {
      if (typeof jwk.kid === 'string' && jwk.kty === 'EC' && jwk.crv === 'P-256') keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    }
    this.keys = keys;
    this.fetchedAt = this.clock().getTime();
  }

  /** Checks a release (`idToken`) for your partner id and returns what it says; throws ReleaseRefused otherwise. */
  async verifyRelease(idToken: string, partnerId: string): Promise<VerifiedRelease> {
    const kid = jwt.decode(idToken, { complete: true })?.header.kid;
    const key = typeof kid === 'string' ? await this.key(kid) : null;
    if (!key) throw new ReleaseRefused('key');
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(idToken, key, {
        algorithms: ['ES256'],
        issuer: RELEASE_ISSUER,
        audience: partnerId,
        clockTimestamp: Math.floor(this.clock().getTime() / 1000),
      }) as jwt.JwtPayload;
    } catch {
      throw new ReleaseRefused('signature');
    }
    const { sub, tile, scope, attributes, iat, exp } = claims;
    const scopes = typeof scope === 'string' ? scope.split(' ') : [];
    if (typeof sub !== 'string' || typeof tile !== 'string' || typeof iat !== 'number' || typeof exp !== 'number' || !isAttributes(attributes)) {
      throw new ReleaseRefused('claims');
    }
    if (!scopes.every((s): s is PartnerScope => (PARTNER_SCOPES as readonly string[]).includes(s))) throw new ReleaseRefused('claims');
    return { subject: sub, tileId: tile, scopes, attributes, issuedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000) };
  }
}

function isAttributes(value: unknown): value is PartnerAttributes {
  return typeof value === 'object' && value !== null && (value as { verified?: unknown }).verified === true;
}
