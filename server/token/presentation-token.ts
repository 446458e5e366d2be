/**
 * The presentation token behind the QR code: a COSE_Sign1 (RFC 9052) with
 * ES256, CBOR claims, Base45 text, prefixed `EID1:`. About 150 bytes signed,
 * so it fits a QR code of version ≤ 10 at error correction M, where a JSON
 * JWT with the same claims would not. It carries no personal data: a random
 * token id, an encrypted card reference, the scene code and two times.
 *
 * Pure codec on Uint8Array: the signature itself is made and checked by the
 * issuer-key adapter (server/adapters/keys), which this module never sees.
 */
import { base45Decode, base45Encode } from './base45';
import { concatBytes, strictUtf8Decoder, utf8Encoder } from './bytes';
import { decodeCbor, encodeCbor, type Cbor } from './cbor';

export const TOKEN_PREFIX = 'EID1:';
/** Longer than any token we issue; anything longer is refused before decoding. */
export const MAX_TOKEN_LENGTH = 512;

const COSE_ALG = 1;
const COSE_KID = 4;
const ES256 = -7;
const COSE_SIGN1_TAG = 18;
const CLAIM = { tokenId: 1, cardRef: 2, scene: 3, issuedAt: 4, expiresAt: 5 } as const;

export interface PresentationClaims {
  tokenId: Uint8Array;
  cardRef: Uint8Array;
  scene: number;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

export interface DecodedPresentation {
  keyId: string;
  claims: PresentationClaims;
  /** The COSE Sig_structure that the signature covers. */
  signedBytes: Uint8Array;
  signature: Uint8Array;
}

/** ["Signature1", protected, external_aad = h'', payload]: the fixed head once, then the two byte strings. */
const SIG_STRUCTURE_HEAD = encodeCbor(['Signature1']).subarray(1); // the text string, without the 1-item array head
const sigStructure = (protectedHeader: Uint8Array, payload: Uint8Array) =>
  concatBytes([Uint8Array.of(0x84), SIG_STRUCTURE_HEAD, encodeCbor(protectedHeader), Uint8Array.of(0x40), encodeCbor(payload)]);

/** A token before its signature: the bytes to sign (ES256, IEEE P1363 r‖s) and how to finish it. */
export interface UnsignedPresentation {
  signedBytes: Uint8Array;
  withSignature(signature: Uint8Array): string;
}

export function encodePresentation(claims: PresentationClaims, keyId: string): UnsignedPresentation {
  const protectedHeader = encodeCbor(new Map<number, Cbor>([[COSE_ALG, ES256], [COSE_KID, utf8Encoder.encode(keyId)]]));
  const payload = encodeCbor(
    new Map<number, Cbor>([
      [CLAIM.tokenId, claims.tokenId],
      [CLAIM.cardRef, claims.cardRef],
      [CLAIM.scene, claims.scene],
      [CLAIM.issuedAt, claims.issuedAt],
      [CLAIM.expiresAt, claims.expiresAt],
    ]),
  );
  return {
    signedBytes: sigStructure(protectedHeader, payload),
    withSignature(signature) {
      if (signature.length !== 64) throw new TypeError('An ES256 signature is 64 bytes (r‖s)');
      return TOKEN_PREFIX + base45Encode(encodeCbor({ tag: COSE_SIGN1_TAG, value: [protectedHeader, new Map(), payload, signature] }));
    },
  };
}

/** Parses the token's structure without trusting it; null for anything that is not exactly our shape. */
export function decodePresentation(text: unknown): DecodedPresentation | null {
  if (typeof text !== 'string' || text.length > MAX_TOKEN_LENGTH || !text.startsWith(TOKEN_PREFIX)) return null;
  const bytes = base45Decode(text.slice(TOKEN_PREFIX.length));
  const message = bytes && decodeCbor(bytes);
  if (!message || typeof message !== 'object' || !('tag' in message) || message.tag !== COSE_SIGN1_TAG) return null;
  const parts = message.value;
  if (!Array.isArray(parts) || parts.length !== 4) return null;
  const [protectedHeader, unprotected, payload, signature] = parts;
  if (!(protectedHeader instanceof Uint8Array) || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) return null;
  // Everything that matters is signed: an unprotected header could only carry an attacker's alg or kid.
  if (!(unprotected instanceof Map) || unprotected.size !== 0 || signature.length !== 64) return null;

  const header = decodeCbor(protectedHeader);
  if (!(header instanceof Map) || header.size !== 2 || header.get(COSE_ALG) !== ES256) return null;
  const kid = header.get(COSE_KID);
  if (!(kid instanceof Uint8Array) || kid.length === 0 || kid.length > 64) return null;

  const body = decodeCbor(payload);
  if (!(body instanceof Map) || body.size !== 5) return null;
  const tokenId = body.get(CLAIM.tokenId);
  const cardRef = body.get(CLAIM.cardRef);
  const scene = body.get(CLAIM.scene);
  const issuedAt = body.get(CLAIM.issuedAt);
  const expiresAt = body.get(CLAIM.expiresAt);
  if (!(tokenId instanceof Uint8Array) || tokenId.length !== 12) return null;
  if (!(cardRef instanceof Uint8Array) || cardRef.length !== 16) return null;
  if (typeof scene !== 'number' || typeof issuedAt !== 'number' || typeof expiresAt !== 'number') return null;

  let keyId: string;
  try {
    keyId = strictUtf8Decoder.decode(kid);
  } catch {
    return null;
  }
  return {
    keyId,
    claims: { tokenId, cardRef, scene, issuedAt, expiresAt },
    signedBytes: sigStructure(protectedHeader, payload),
    signature,
  };
}
