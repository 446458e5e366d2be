/**
 * The services journey's keys: the pairwise-subject key and the
 * authorisation-code key, both derived (HKDF, by label) from one 32-byte
 * services secret — EID_SERVICES_KEY when deployed, a development secret in
 * the emulator's data folder otherwise — and the issuer's key, which signs
 * each release so partners can check it with the JWKS.
 *
 * The pairwise key must never change: every partner's subject ids hang on it.
 */
import { createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { AuthCodeClaims, AuthorizationCodes, PairwiseSubjects, ReleaseClaims, ReleaseSigner } from '../../domain/services-deps';
import type { IssuerSigningKey } from './issuer-keys';
import { CARD_ISSUER } from './jwt-card-signer';
import { SERVICES_KEY_VARIABLE } from './key-material';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** `ps_` + base64url(HMAC-SHA256(key, label ‖ partner ‖ identity index)): 46 characters that say nothing of their input. */
export class HmacPairwiseSubjects implements PairwiseSubjects {
  constructor(private readonly key: KeyObject) {}

  subjectFor(partnerId: string, identityIndex: string): string {
    return `ps_${createHmac('sha256', this.key).update(`e-id pairwise v1\u0000${partnerId}\u0000${identityIndex}`).digest('base64url')}`;
  }
}

export const AUTH_CODE_AUDIENCE = 'e-id-auth-code';

/** Authorisation codes as HS256 JWTs (algorithm pinned, KeyObject): jti = code id, plus tile, partner and grant. */
export class JwtAuthorizationCodes implements AuthorizationCodes {
  constructor(private readonly key: KeyObject) {}

  issue({ codeId, tileId, partnerId, grantId, expiresAt }: AuthCodeClaims): string {
    return jwt.sign({ tid: tileId, pid: partnerId, gid: grantId, exp: seconds(expiresAt) }, this.key, {
      algorithm: 'HS256',
      jwtid: codeId,
      audience: AUTH_CODE_AUDIENCE,
      noTimestamp: true,
    });
  }

  read(code: string): AuthCodeClaims | null {
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(code, this.key, { algorithms: ['HS256'], audience: AUTH_CODE_AUDIENCE, ignoreExpiration: true }) as jwt.JwtPayload;
    } catch {
      return null;
    }
    const { jti, tid, pid, gid, exp } = claims;
    if (![jti, tid, pid, gid].every((v) => typeof v === 'string') || typeof exp !== 'number') return null;
    return { codeId: jti!, tileId: tid, partnerId: pid, grantId: gid, expiresAt: new Date(exp * 1000) };
  }
}

/** A release as an ES256 JWT under the issuer's current key: iss e-id-card, aud = partner id, sub = pairwise subject. */
export class JwtReleaseSigner implements ReleaseSigner {
  /** A keyring (its current key is read at each signature, so a rotation takes effect at once) or one fixed key. */
  constructor(private readonly keys: { readonly current: IssuerSigningKey } | IssuerSigningKey) {}

  private get key(): IssuerSigningKey {
    return 'current' in this.keys ? this.keys.current : this.keys;
  }

  sign({ partnerId, subject, tileId, scopes, attributes, issuedAt, expiresAt }: ReleaseClaims): string {
    return jwt.sign(
      { iat: seconds(issuedAt), exp: seconds(expiresAt), tile: tileId, scope: scopes.join(' '), attributes },
      this.key.privateKey,
      { algorithm: 'ES256', keyid: this.key.keyId, issuer: CARD_ISSUER, audience: partnerId, subject },
    );
  }
}

export interface ServicesKeys {
  pairwise: PairwiseSubjects;
  codes: AuthorizationCodes;
}

function fromSecret(secret: Buffer): ServicesKeys {
  if (secret.length < 32) throw new TypeError('The services key must be at least 32 bytes');
  const derive = (label: string) => createSecretKey(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, 32)));
  return { pairwise: new HmacPairwiseSubjects(derive('e-id pairwise v1')), codes: new JwtAuthorizationCodes(derive('e-id auth-code v1')) };
}

/** From EID_SERVICES_KEY (base64, 32 bytes), or null when unset; a short one throws. */
export function servicesKeysFromEnvironment(env: Record<string, string | undefined>): ServicesKeys | null {
  const secret = env[SERVICES_KEY_VARIABLE];
  return secret ? fromSecret(Buffer.from(secret, 'base64')) : null;
}

/** The emulator's development services secret in `<dataDir>/keys/services.json`, created on first use. */
export function developmentServicesKeys(dataDir: string): ServicesKeys {
  const folder = join(dataDir, 'keys');
  const file = join(folder, 'services.json');
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const body = { note: 'DEVELOPMENT services key of the local emulator', secret: randomBytes(32).toString('base64') };
    writeFileSync(file, JSON.stringify(body, null, 2), { mode: 0o600 });
  }
  const { secret } = JSON.parse(readFileSync(file, 'utf8')) as { secret: string };
  return fromSecret(Buffer.from(secret, 'base64'));
}
