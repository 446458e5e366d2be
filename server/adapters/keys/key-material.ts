/**
 * Where keys come from: the environment when deployed (a key service fills
 * it); for the emulator, development keys generated into its data folder on
 * first start. Each key is parsed once into a Buffer or KeyObject.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssuerKeys } from './issuer-keys';
import { AesGcmPiiProtector } from './pii-cipher';

export interface KeyMaterial {
  pii: AesGcmPiiProtector;
  issuer: IssuerKeys;
}

type Env = Record<string, string | undefined>;

/** Keys from EID_PII_ENC_KEY, EID_PII_INDEX_KEY (base64, 32 bytes) and EID_ISSUER_PRIVATE_KEY (PKCS#8 PEM), or null when unset. */
export function keysFromEnvironment(env: Env): KeyMaterial | null {
  const { EID_PII_ENC_KEY, EID_PII_INDEX_KEY, EID_ISSUER_PRIVATE_KEY } = env;
  if (!EID_PII_ENC_KEY || !EID_PII_INDEX_KEY || !EID_ISSUER_PRIVATE_KEY) return null;
  return {
    pii: new AesGcmPiiProtector(Buffer.from(EID_PII_ENC_KEY, 'base64'), Buffer.from(EID_PII_INDEX_KEY, 'base64')),
    issuer: new IssuerKeys(createPrivateKey(EID_ISSUER_PRIVATE_KEY)),
  };
}

/** Development keys in `<dataDir>/keys`, created on first use; `created` says whether this call made them. */
export function developmentKeys(dataDir: string): KeyMaterial & { folder: string; created: boolean } {
  const folder = join(dataDir, 'keys');
  const piiFile = join(folder, 'pii-keys.json');
  const issuerFile = join(folder, 'issuer-es256.pem');
  const created = !existsSync(piiFile) || !existsSync(issuerFile);
  if (created) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const pii = { encryption: randomBytes(32).toString('base64'), index: randomBytes(32).toString('base64') };
    writeFileSync(piiFile, JSON.stringify({ note: 'DEVELOPMENT keys of the local emulator', ...pii }, null, 2), { mode: 0o600 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(issuerFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const pii = JSON.parse(readFileSync(piiFile, 'utf8')) as { encryption: string; index: string };
  return {
    folder,
    created,
    pii: new AesGcmPiiProtector(Buffer.from(pii.encryption, 'base64'), Buffer.from(pii.index, 'base64')),
    issuer: new IssuerKeys(createPrivateKey(readFileSync(issuerFile))),
  };
}
