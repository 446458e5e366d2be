/**
 * The presentation token behind the QR code (docs/TOKEN.md): `EID2:` +
 * Base45 of a tagged COSE_Sign1 (RFC 9052, ES256, low-S) whose payload is a
 * standard CWT (RFC 8392): `exp` (4), `iat` (6) and `cti` (7) under their
 * registered keys, and our two claims under short text keys: the encrypted
 * card reference `r` and the scene code `s`. About 145 bytes, QR version 8
 * at error correction M. No personal data.
 *
 * `EID1:` (retired) carried a non-standard map with keys 1–5 for token id,
 * card reference, scene, issue and expiry time; a CWT reader would have read
 * the issue time as `exp`. This reader refuses it: a prefix names exactly
 * one layout.
 *
 * Pure codec on Uint8Array: the signature itself is made and checked by the
 * issuer-key adapter (server/adapters/keys), which this module never sees.
 */
import { base45Decode, base45Encode } from './base45';
import { concatBytes, fromBase64Url, toBase64Url } from './bytes';
import { decodeCbor, encodeCbor, type Cbor } from './cbor';
import { isLowS } from './low-s';

export const TOKEN_PREFIX = 'EID2:';
/** Longer than any token we issue; anything longer is refused before decoding. */
export const MAX_TOKEN_LENGTH = 512;

const COSE_SIGN1_TAG = 18;
/** COSE header parameters (RFC 9052 §3.1) and the values we use. */
const HEADER = { alg: 1, contentType: 3, kid: 4 } as const;
const ES256 = -7;
/** CoAP Content-Format of application/cwt (RFC 8392 §9.3): tells a reader the payload is a CWT. */
const CONTENT_TYPE_CWT = 61;
/** CWT claim keys: registered (RFC 8392 §4) and our own. */
export const CLAIM = { exp: 4, iat: 6, cti: 7, cardRef: 'r', scene: 's' } as const;
const TOKEN_ID_BYTES = 12;
const CARD_REF_BYTES = 16;
/** A key id is the base64url of 12 bytes (server/adapters/keys/issuer-keys: keyIdOf); the COSE kid holds the bytes. */
const KID_BYTES = 12;

export interface PresentationClaims {
  /** The CWT `cti`: random, the one-time-use key and the card reference's nonce. */
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

/** A token before its signature: the bytes to sign (ES256, IEEE P1363 r‖s, low-S) and how to finish it. */
export interface UnsignedPresentation {
  signedBytes: Uint8Array;
  withSignature(signature: Uint8Array): string;
}

export function encodePresentation(claims: PresentationClaims, keyId: string): UnsignedPresentation {
  const kid = fromBase64Url(keyId);
  if (!kid || kid.length !== KID_BYTES) throw new TypeError('A key id is the base64url of 12 bytes');
  const protectedHeader = encodeCbor(
    new Map<number, Cbor>([
      [HEADER.alg, ES256],
      [HEADER.contentType, CONTENT_TYPE_CWT],
      [HEADER.kid, kid],
    ]),
  );
  const payload = encodeCbor(
    new Map<number | string, Cbor>([
      [CLAIM.exp, claims.expiresAt],
      [CLAIM.iat, claims.issuedAt],
      [CLAIM.cti, claims.tokenId],
      [CLAIM.cardRef, claims.cardRef],
      [CLAIM.scene, claims.scene],
    ]),
  );
  return {
    signedBytes: sigStructure(protectedHeader, payload),
    withSignature(signature) {
      if (!isLowS(signature)) throw new TypeError('A token signature is ES256 r‖s in low-S form');
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
  if (!(unprotected instanceof Map) || unprotected.size !== 0 || !isLowS(signature)) return null;

  const header = decodeCbor(protectedHeader);
  if (!(header instanceof Map) || header.size !== 3) return null;
  if (header.get(HEADER.alg) !== ES256 || header.get(HEADER.contentType) !== CONTENT_TYPE_CWT) return null;
  const kid = header.get(HEADER.kid);
  if (!(kid instanceof Uint8Array) || kid.length !== KID_BYTES) return null;

  const body = decodeCbor(payload);
  if (!(body instanceof Map) || body.size !== 5) return null;
  const tokenId = body.get(CLAIM.cti);
  const cardRef = body.get(CLAIM.cardRef);
  const scene = body.get(CLAIM.scene);
  const issuedAt = body.get(CLAIM.iat);
  const expiresAt = body.get(CLAIM.exp);
  if (!(tokenId instanceof Uint8Array) || tokenId.length !== TOKEN_ID_BYTES) return null;
  if (!(cardRef instanceof Uint8Array) || cardRef.length !== CARD_REF_BYTES) return null;
  if (typeof scene !== 'number' || typeof issuedAt !== 'number' || typeof expiresAt !== 'number') return null;

  return {
    keyId: toBase64Url(kid),
    claims: { tokenId, cardRef, scene, issuedAt, expiresAt },
    signedBytes: sigStructure(protectedHeader, payload),
    signature,
  };
}
