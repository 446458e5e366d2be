/**
 * The presentation token behind the QR code: a COSE_Sign1 (RFC 9052) with
 * ES256, CBOR claims, Base45 text, prefixed `EID1:`. About 150 bytes signed,
 * so it fits a QR code of version ≤ 10 at error correction M, where a JSON
 * JWT with the same claims would not. It carries no personal data: a random
 * token id, an encrypted card reference, the scene code and two times.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { base45Decode, base45Encode } from './base45';
import { decodeCbor, encodeCbor, strictUtf8Decoder, utf8Encoder, type Cbor } from './cbor';

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
  Buffer.concat([Uint8Array.of(0x84), SIG_STRUCTURE_HEAD, encodeCbor(protectedHeader), Uint8Array.of(0x40), encodeCbor(payload)]);

export function signPresentation(claims: PresentationClaims, key: { keyId: string; privateKey: KeyObject }): string {
  const protectedHeader = encodeCbor(new Map<number, Cbor>([[COSE_ALG, ES256], [COSE_KID, utf8Encoder.encode(key.keyId)]]));
  const payload = encodeCbor(
    new Map<number, Cbor>([
      [CLAIM.tokenId, claims.tokenId],
      [CLAIM.cardRef, claims.cardRef],
      [CLAIM.scene, claims.scene],
      [CLAIM.issuedAt, claims.issuedAt],
      [CLAIM.expiresAt, claims.expiresAt],
    ]),
  );
  const signature = sign('sha256', sigStructure(protectedHeader, payload), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  const message = encodeCbor({ tag: COSE_SIGN1_TAG, value: [protectedHeader, new Map(), payload, signature] });
  return TOKEN_PREFIX + base45Encode(message);
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

/** ES256 only, whatever the token says: the algorithm is pinned here, not read from the input. */
export function signatureValid(decoded: DecodedPresentation, publicKey: KeyObject): boolean {
  if (publicKey.asymmetricKeyType !== 'ec') return false;
  return verify('sha256', decoded.signedBytes, { key: publicKey, dsaEncoding: 'ieee-p1363' }, decoded.signature);
}
