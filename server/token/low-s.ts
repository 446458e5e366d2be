/**
 * ECDSA signatures have two valid forms, (r, s) and (r, n − s). Tokens are
 * signed in the low-S form and only that form is accepted, so a token has
 * exactly one valid encoding: nobody can mint a second, different-looking
 * copy of a code from the first.
 */

/** The order n of the P-256 group. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_ORDER = P256_ORDER >> 1n;

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  return n;
}

function toBytes32(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

/** Whether an ES256 signature (r‖s, 64 bytes) has 0 < s ≤ n/2. */
export function isLowS(signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  const s = toBigInt(signature.subarray(32));
  return s > 0n && s <= HALF_ORDER;
}

/** The low-S form of an ES256 signature (r‖s): s is replaced by n − s when it is in the upper half. */
export function toLowS(signature: Uint8Array): Uint8Array {
  if (signature.length !== 64) throw new TypeError('An ES256 signature is 64 bytes (r‖s)');
  const s = toBigInt(signature.subarray(32));
  if (s <= HALF_ORDER) return signature;
  const out = new Uint8Array(64);
  out.set(signature.subarray(0, 32));
  out.set(toBytes32(P256_ORDER - s), 32);
  return out;
}
