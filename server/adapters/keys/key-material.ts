/**
 * Where keys come from: the environment when deployed (a key service fills
 * it); for the emulator, development keys generated into its data folder on
 * first start. Each key is parsed once into a Buffer or KeyObject.
 */
import { createPrivateKey, createPublicKey, createSecretKey, generateKeyPairSync, hkdfSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ISSUER_KEY_OVERLAP_DAYS } from '../../../core/policy';
import { IssuerKeys, keyIdOf, type RetiringKey } from './issuer-keys';
import { AesCtrCardRefCipher } from './card-ref-cipher';
import { AesGcmPiiProtector } from './pii-cipher';

export interface KeyMaterial {
  pii: AesGcmPiiProtector;
  issuer: IssuerKeys;
  cardRefs: AesCtrCardRefCipher;
  /** HMAC key for admin assertions (HS256). */
  adminKey: KeyObject;
  /** Seals terminal session tickets (AES-256-GCM). */
  terminalSessionKey: Buffer;
}

/** What a function that holds no admin credential needs: the citizen and verifier functions. */
export type StoreKeys = Omit<KeyMaterial, 'adminKey'>;

function assembleStoreKeys(
  encryption: Buffer,
  index: Buffer,
  issuerPem: string | Buffer,
  olderIssuerKeys: Array<KeyObject | RetiringKey> = [],
  now?: () => Date,
): StoreKeys {
  // Card-reference and session-ticket keys are derived, not stored: fewer secrets to hand out, kept apart by their labels.
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', encryption, Buffer.alloc(0), label, 32));
  return {
    pii: new AesGcmPiiProtector(encryption, index),
    issuer: new IssuerKeys(createPrivateKey(issuerPem), olderIssuerKeys, now),
    cardRefs: new AesCtrCardRefCipher(derive('e-id card-ref v1')),
    terminalSessionKey: derive('e-id terminal-session v1'),
  };
}

function adminKeyFrom(admin: Buffer): KeyObject {
  if (admin.length < 32) throw new TypeError('The admin key must be at least 32 bytes');
  return createSecretKey(admin);
}

type Env = Record<string, string | undefined>;

/** The variables keys come from when deployed; EID_ADMIN_KEY only in the admin function. */
export const STORE_KEY_VARIABLES = ['EID_PII_ENC_KEY', 'EID_PII_INDEX_KEY', 'EID_ISSUER_PRIVATE_KEY'] as const;
export const ADMIN_KEY_VARIABLE = 'EID_ADMIN_KEY';
/**
 * The services secret (base64, at least 32 bytes; services-keys.ts derives the
 * pairwise-subject and authorisation-code keys from it): citizen and partner
 * functions only. It can never change once partners hold pseudonyms.
 */
export const SERVICES_KEY_VARIABLE = 'EID_SERVICES_KEY';
/**
 * Optional: a JWKS ({"keys":[…]}) of earlier issuer keys that still verify after a rotation (`npm run keys -- roll-issuer`),
 * base64-encoded so that no configuration tool takes the value for a JSON object. A key may carry `retireAt`
 * (ISO 8601, written by roll-issuer): from then on it neither verifies nor stands in the JWKS, as in the emulator.
 */
export const PREVIOUS_ISSUER_KEYS_VARIABLE = 'EID_ISSUER_PREVIOUS_PUBLIC_KEYS';

/** A variable that is set but holds no usable key. Names the variable, never its value. */
export class InvalidKeyVariable extends Error {
  constructor(readonly variable: string) {
    super(`${variable} does not hold a usable key`);
    this.name = 'InvalidKeyVariable';
  }
}

const b64 = (value: string) => Buffer.from(value, 'base64');

function parsed<T>(variable: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new InvalidKeyVariable(variable);
  }
}

/**
 * Keys from EID_PII_ENC_KEY, EID_PII_INDEX_KEY (base64, 32 bytes each) and
 * EID_ISSUER_PRIVATE_KEY (P-256 PKCS#8 PEM). The caller checks that they are
 * set (server/deploy/environment.ts); a malformed one is InvalidKeyVariable.
 */
export function storeKeysFromEnvironment(env: Env, now?: () => Date): StoreKeys {
  const encryption = parsed('EID_PII_ENC_KEY', () => b64(env.EID_PII_ENC_KEY ?? ''));
  const index = parsed('EID_PII_INDEX_KEY', () => b64(env.EID_PII_INDEX_KEY ?? ''));
  if (encryption.length !== 32) throw new InvalidKeyVariable('EID_PII_ENC_KEY');
  if (index.length !== 32) throw new InvalidKeyVariable('EID_PII_INDEX_KEY');
  const older = previousIssuerKeysFromEnvironment(env);
  return parsed('EID_ISSUER_PRIVATE_KEY', () => assembleStoreKeys(encryption, index, pemOf(env.EID_ISSUER_PRIVATE_KEY ?? ''), older, now));
}

/** A PEM as one line (newlines written as \n), as some consoles store variables, or as it is. */
export const pemOf = (value: string) => value.replace(/\\n/g, '\n');

/** A previous issuer key as EID_ISSUER_PREVIOUS_PUBLIC_KEYS holds it: a public JWK, with when it retires if it does. */
export type PreviousIssuerJwk = JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig'; retireAt?: string };

/**
 * When a key rotated out at `at` retires: once everything it signed is past
 * its life (ISSUER_KEY_OVERLAP_DAYS). One rule for the emulator's rotation
 * and a deployment's roll-issuer.
 */
export function issuerKeyRetireAt(at: Date): Date {
  return new Date(at.getTime() + ISSUER_KEY_OVERLAP_DAYS * 24 * 60 * 60 * 1000);
}

/** The earlier issuer keys of EID_ISSUER_PREVIOUS_PUBLIC_KEYS (base64, or as JSON), each with its `retireAt`; none when unset. */
export function previousIssuerKeysFromEnvironment(env: Env): RetiringKey[] {
  return parsed(PREVIOUS_ISSUER_KEYS_VARIABLE, () => {
    const jwks = env[PREVIOUS_ISSUER_KEYS_VARIABLE];
    if (!jwks?.trim()) return [];
    return retiringKeysOf(jwks.trim().startsWith('{') ? jwks : Buffer.from(jwks, 'base64').toString('utf8'));
  });
}

/**
 * Retiring issuer keys as JSON holds them, in the environment and in the
 * emulator's data folder alike: `{"keys": [JWK + retireAt?]}`. (A data folder
 * written before the two were one format holds `{"keys": [{jwk, retireAt}]}`.)
 */
function retiringKeysOf(text: string): RetiringKey[] {
  const { keys } = JSON.parse(text) as { keys: Array<JsonWebKey & { retireAt?: unknown; jwk?: JsonWebKey }> };
  return keys.map((entry) => {
    const { retireAt, ...key } = entry.jwk ? { ...entry.jwk, retireAt: entry.retireAt } : entry;
    return { publicKey: createPublicKey({ key, format: 'jwk' }), ...(retireAt !== undefined && { retireAt: isoDate(retireAt) }) };
  });
}

/** `key` as EID_ISSUER_PREVIOUS_PUBLIC_KEYS holds it. */
export function previousIssuerJwk({ publicKey, retireAt }: RetiringKey): PreviousIssuerJwk {
  return { ...publicKey.export({ format: 'jwk' }), kid: keyIdOf(publicKey), alg: 'ES256', use: 'sig', ...(retireAt && { retireAt: retireAt.toISOString() }) };
}

function isoDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new TypeError('retireAt is not an ISO 8601 date');
  return date;
}

/** The admin assertion key from EID_ADMIN_KEY (base64, at least 32 bytes). */
export function adminKeyFromEnvironment(env: Env): KeyObject {
  return adminKeyFrom(b64(env.EID_ADMIN_KEY ?? ''));
}

/**
 * All four keys, or null when any variable is unset (the emulator's
 * composition and its tests); a short admin key throws.
 */
export function keysFromEnvironment(env: Env): KeyMaterial | null {
  if ([...STORE_KEY_VARIABLES, ADMIN_KEY_VARIABLE].some((name) => !env[name])) return null;
  return { ...storeKeysFromEnvironment(env), adminKey: adminKeyFromEnvironment(env) };
}

/** A fresh set of every key variable, for a new environment (`npm run keys -- new`) or the emulator's development keys. */
export function freshKeyValues(): Record<(typeof STORE_KEY_VARIABLES)[number] | typeof ADMIN_KEY_VARIABLE | typeof SERVICES_KEY_VARIABLE, string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    EID_PII_ENC_KEY: randomBytes(32).toString('base64'),
    EID_PII_INDEX_KEY: randomBytes(32).toString('base64'),
    EID_ISSUER_PRIVATE_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    EID_ADMIN_KEY: randomBytes(32).toString('base64'),
    EID_SERVICES_KEY: randomBytes(32).toString('base64'),
  };
}

const developmentFiles = (dataDir: string) => {
  const folder = join(dataDir, 'keys');
  return {
    folder,
    secretsFile: join(folder, 'secrets.json'),
    issuerFile: join(folder, 'issuer-es256.pem'),
    /** Earlier issuer keys in their overlap after a rotation: public JWKs with when each retires. */
    retiringFile: join(folder, 'issuer-retiring.json'),
  };
};

function readRetiring(file: string): RetiringKey[] {
  return existsSync(file) ? retiringKeysOf(readFileSync(file, 'utf8')) : [];
}

/** Writes a file whole or not at all (a rename), so a crash mid-rotation never leaves half a key. */
function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.new`, text, { mode: 0o600 });
  renameSync(`${file}.new`, file);
}

/**
 * Rotates the development issuer key of `<dataDir>/keys` (the admin action of a
 * running emulator, or `npm run keys -- rotate`): a new key signs from `at`, the
 * old one verifies and stays in the JWKS for ISSUER_KEY_OVERLAP_DAYS. The old
 * key's retirement is written before the new key replaces it, so a restart at
 * any point keeps every key that signed something still alive.
 */
export function rotateDevelopmentIssuerKey(dataDir: string, issuer: IssuerKeys, at: Date): { keyId: string; retiredKeyId: string; retireAt: string } {
  const { issuerFile, retiringFile } = developmentFiles(dataDir);
  const retireAt = issuerKeyRetireAt(at);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const outgoing = createPublicKey(issuer.current.privateKey);
  const kept = issuer.retiring().map(({ publicKey, retireAt: until }) => ({ publicKey, retireAt: until ?? retireAt }));
  writeWhole(retiringFile, JSON.stringify({ keys: [...kept, { publicKey: outgoing, retireAt }].map(previousIssuerJwk) }, null, 2));
  writeWhole(issuerFile, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
  const rotated = issuer.rotate(privateKey, retireAt);
  if (rotated.retiredKeyId !== keyIdOf(outgoing)) throw new Error('the issuer key changed during its rotation');
  return { ...rotated, retireAt: retireAt.toISOString() };
}

/**
 * Development keys in `<dataDir>/keys`, created on first use and kept across
 * restarts, rotated issuer keys included; `created` says whether this call made
 * them. `now`: the clock that decides when a rotated key retires.
 */
export function developmentKeys(dataDir: string, now?: () => Date): KeyMaterial & { folder: string; created: boolean } {
  const { folder, secretsFile, issuerFile, retiringFile } = developmentFiles(dataDir);
  const created = !existsSync(secretsFile) || !existsSync(issuerFile);
  if (created) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const fresh = freshKeyValues();
    const secrets = { encryption: fresh.EID_PII_ENC_KEY, index: fresh.EID_PII_INDEX_KEY, admin: fresh.EID_ADMIN_KEY };
    writeFileSync(secretsFile, JSON.stringify({ note: 'DEVELOPMENT keys of the local emulator', ...secrets }, null, 2), { mode: 0o600 });
    writeFileSync(issuerFile, fresh.EID_ISSUER_PRIVATE_KEY, { mode: 0o600 });
  }
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as { encryption: string; index: string; admin: string };
  return {
    folder,
    created,
    ...assembleStoreKeys(b64(secrets.encryption), b64(secrets.index), readFileSync(issuerFile), readRetiring(retiringFile), now),
    adminKey: adminKeyFrom(b64(secrets.admin)),
  };
}
