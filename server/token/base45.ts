/**
 * Base45 (RFC 9285): binary as QR alphanumeric characters, which pack 5.5
 * bits per character against 8 bits per byte in byte mode. The EU digital
 * COVID certificate put COSE in QR codes the same way.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Character code → value, -1 outside the alphabet: an array index is cheaper than a Map per character. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const valueAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code < 128 ? VALUE[code] : -1;
};

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = bytes[i] * 256 + bytes[i + 1];
    out += ALPHABET[n % 45] + ALPHABET[Math.floor(n / 45) % 45] + ALPHABET[Math.floor(n / 2025)];
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1];
    out += ALPHABET[n % 45] + ALPHABET[Math.floor(n / 45)];
  }
  return out;
}

/** Decodes strictly; returns null for any character or group that RFC 9285 does not allow. */
export function base45Decode(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null;
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const c = valueAt(text, i);
    const d = valueAt(text, i + 1);
    if (c < 0 || d < 0) return null;
    if (i + 2 < text.length) {
      const e = valueAt(text, i + 2);
      if (e < 0) return null;
      const n = c + d * 45 + e * 2025;
      if (n > 0xffff) return null;
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = c + d * 45;
      if (n > 0xff) return null;
      out[o++] = n;
    }
  }
  return out;
}
