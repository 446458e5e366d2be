/**
 * Personal data at rest (DESIGN.md §4): AES-256-GCM with a random 96-bit IV
 * and the record id + field as associated data, so a sealed value cannot be
 * moved to another record or field; an HMAC-SHA256 index for look-up.
 *
 * Each identity has its own 256-bit data key (crypto-shredding), stored
 * wrapped: AES-256-GCM under the master key with `data-key:<owner>` as
 * associated data, so a wrapped key opens only for the identity it was made for.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PiiProtector } from '../../domain/ports';

const VERSION = 'v1';
const WRAPPED_KEY_VERSION = 'k1';
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class AesGcmPiiProtector implements PiiProtector {
  constructor(
    private readonly encryptionKey: Buffer,
    private readonly indexKey: Buffer,
  ) {
    if (encryptionKey.length !== 32 || indexKey.length !== 32) {
      throw new TypeError('PII keys must be 32 bytes each');
    }
  }

  newDataKey(owner: string): string {
    return `${WRAPPED_KEY_VERSION}.${encrypt(this.encryptionKey, randomBytes(DATA_KEY_BYTES), `data-key:${owner}`)}`;
  }

  seal(plaintext: string, associatedData: string, dataKey?: { wrapped: string; owner: string }): string {
    return `${VERSION}.${encrypt(this.keyFor(dataKey), Buffer.from(plaintext, 'utf8'), associatedData)}`;
  }

  open(sealed: string, associatedData: string, dataKey?: { wrapped: string; owner: string }): string {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new Error('Unknown sealed-value format');
    return decrypt(this.keyFor(dataKey), payload, associatedData).toString('utf8');
  }

  private keyFor(dataKey: { wrapped: string; owner: string } | undefined): Buffer {
    if (!dataKey) return this.encryptionKey;
    const [version, payload] = dataKey.wrapped.split('.');
    if (version !== WRAPPED_KEY_VERSION || !payload) throw new Error('Unknown wrapped-key format');
    return decrypt(this.encryptionKey, payload, `data-key:${dataKey.owner}`);
  }

  index(normalisedIdNumber: string): string {
    return createHmac('sha256', this.indexKey).update(normalisedIdNumber, 'utf8').digest('base64url');
  }
}

/** base64url(IV ‖ ciphertext ‖ tag) of AES-256-GCM. */
function encrypt(key: Buffer, plaintext: Buffer, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

function decrypt(key: Buffer, payload: string, associatedData: string): Buffer {
  const raw = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
}
