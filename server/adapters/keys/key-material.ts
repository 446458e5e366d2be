/**
 * Where keys come from: the environment when deployed (a key service fills
 * it); for the emulator, development keys generated into its data folder on
 * first start. Each key is parsed once into a Buffer or KeyObject.
 */
import { createPrivateKey, createSecretKey, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssuerKeys } from './issuer-keys';
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

function assemble(encryption: Buffer, index: Buffer, issuerPem: string | Buffer, admin: Buffer): KeyMaterial {
  // Card-reference and session-ticket keys are derived, not stored: fewer secrets to hand out, kept apart by their labels.
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', encryption, Buffer.alloc(0), label, 32));
  const cardRefKey = derive('e-id card-ref v1');
  if (admin.length < 32) throw new TypeError('The admin key must be at least 32 bytes');
  return {
    pii: new AesGcmPiiProtector(encryption, index),
    issuer: new IssuerKeys(createPrivateKey(issuerPem)),
    cardRefs: new AesCtrCardRefCipher(cardRefKey),
    adminKey: createSecretKey(admin),
    terminalSessionKey: derive('e-id terminal-session v1'),
  };
}

type Env = Record<string, string | undefined>;

/**
 * Keys from EID_PII_ENC_KEY, EID_PII_INDEX_KEY, EID_ADMIN_KEY (base64, 32 bytes
 * each) and EID_ISSUER_PRIVATE_KEY (P-256 PKCS#8 PEM), or null when unset.
 */
export function keysFromEnvironment(env: Env): KeyMaterial | null {
  const { EID_PII_ENC_KEY, EID_PII_INDEX_KEY, EID_ISSUER_PRIVATE_KEY, EID_ADMIN_KEY } = env;
  if (!EID_PII_ENC_KEY || !EID_PII_INDEX_KEY || !EID_ISSUER_PRIVATE_KEY || !EID_ADMIN_KEY) return null;
  const b64 = (value: string) => Buffer.from(value, 'base64');
  return assemble(b64(EID_PII_ENC_KEY), b64(EID_PII_INDEX_KEY), EID_ISSUER_PRIVATE_KEY, b64(EID_ADMIN_KEY));
}

/** Development keys in `<dataDir>/keys`, created on first use; `created` says whether this call made them. */
export function developmentKeys(dataDir: string): KeyMaterial & { folder: string; created: boolean } {
  const folder = join(dataDir, 'keys');
  const secretsFile = join(folder, 'secrets.json');
  const issuerFile = join(folder, 'issuer-es256.pem');
  const created = !existsSync(secretsFile) || !existsSync(issuerFile);
  if (created) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const secrets = {
      encryption: randomBytes(32).toString('base64'),
      index: randomBytes(32).toString('base64'),
      admin: randomBytes(32).toString('base64'),
    };
    writeFileSync(secretsFile, JSON.stringify({ note: 'DEVELOPMENT keys of the local emulator', ...secrets }, null, 2), { mode: 0o600 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(issuerFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as { encryption: string; index: string; admin: string };
  const b64 = (value: string) => Buffer.from(value, 'base64');
  return {
    folder,
    created,
    ...assemble(b64(secrets.encryption), b64(secrets.index), readFileSync(issuerFile), b64(secrets.admin)),
  };
}
