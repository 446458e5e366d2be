/**
 * Card references for presentation tokens: the 16-byte card id under
 * AES-256-CTR with the token's random 12-byte id as the nonce. Integrity comes
 * from the issuer's signature over the whole token, so no tag is needed, and
 * a random nonce per token makes two references to one card unlinkable.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { CardRefCipher } from '../../domain/ports';

export class AesCtrCardRefCipher implements CardRefCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new TypeError('The card reference key must be 32 bytes');
  }

  seal(cardId: string, tokenId: Uint8Array): Uint8Array {
    const plain = Buffer.from(cardId, 'base64url');
    if (plain.length !== 16) throw new TypeError('Card ids are 16 random bytes');
    const cipher = createCipheriv('aes-256-ctr', this.key, counterBlock(tokenId));
    return Buffer.concat([cipher.update(plain), cipher.final()]);
  }

  open(cardRef: Uint8Array, tokenId: Uint8Array): string | null {
    if (cardRef.length !== 16 || tokenId.length !== 12) return null;
    const decipher = createDecipheriv('aes-256-ctr', this.key, counterBlock(tokenId));
    return Buffer.concat([decipher.update(cardRef), decipher.final()]).toString('base64url');
  }
}

function counterBlock(tokenId: Uint8Array): Buffer {
  if (tokenId.length !== 12) throw new TypeError('Token ids are 12 bytes');
  return Buffer.concat([tokenId, Buffer.alloc(4)]);
}
