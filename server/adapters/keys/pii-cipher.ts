/**
 * Personal data at rest (DESIGN.md §4): AES-256-GCM with a random 96-bit IV
 * and the record id + field as associated data, so a sealed value cannot be
 * moved to another record or field; an HMAC-SHA256 index for look-up.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PiiProtector } from '../../domain/ports';

const VERSION = 'v1';
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

  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  open(sealed: string, associatedData: string): string {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new Error('Unknown sealed-value format');
    const raw = Buffer.from(payload, 'base64url');
    const iv = raw.subarray(0, IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  index(normalisedIdNumber: string): string {
    return createHmac('sha256', this.indexKey).update(normalisedIdNumber, 'utf8').digest('base64url');
  }
}
