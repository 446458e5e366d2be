/**
 * The small, strict subset of CBOR (RFC 8949) that the presentation token
 * uses: unsigned and negative integers, byte strings, text strings, arrays,
 * maps with integer or text keys (CWT claims), and tags. Definite lengths
 * only; the decoder refuses anything else, trailing bytes and nesting past a
 * small depth, so hostile input costs little and never throws past `decodeCbor`.
 */
import { concatBytes, strictUtf8Decoder, utf8Encoder } from './bytes';

export type Cbor = number | Uint8Array | string | Cbor[] | Map<number | string, Cbor> | { tag: number; value: Cbor };

function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n];
  if (n < 0x100) return [(major << 5) | 24, n];
  if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
  if (n <= 0xffffffff) return [(major << 5) | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  throw new TypeError('CBOR integers here stay below 2^32');
}

export function encodeCbor(value: Cbor): Uint8Array {
  // Chunks, not a byte array grown one push at a time: a signature check encodes a Sig_structure per token.
  const chunks: Uint8Array[] = [];
  const put = (v: Cbor): void => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new TypeError('only integers');
      chunks.push(Uint8Array.from(v >= 0 ? head(0, v) : head(1, -1 - v)));
    } else if (v instanceof Uint8Array) {
      chunks.push(Uint8Array.from(head(2, v.length)), v);
    } else if (typeof v === 'string') {
      const bytes = utf8Encoder.encode(v);
      chunks.push(Uint8Array.from(head(3, bytes.length)), bytes);
    } else if (Array.isArray(v)) {
      chunks.push(Uint8Array.from(head(4, v.length)));
      v.forEach(put);
    } else if (v instanceof Map) {
      chunks.push(Uint8Array.from(head(5, v.size)));
      for (const [k, item] of v) {
        put(k);
        put(item);
      }
    } else {
      chunks.push(Uint8Array.from(head(6, v.tag)));
      put(v.value);
    }
  };
  put(value);
  return concatBytes(chunks);
}

const MAX_DEPTH = 4;

class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  take(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) throw new RangeError('truncated');
    const slice = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return slice;
  }

  argument(info: number): number {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (size === 0) throw new RangeError('unsupported length');
    return this.take(size).reduce((n, b) => n * 256 + b, 0);
  }

  item(depth: number): Cbor {
    if (depth > MAX_DEPTH) throw new RangeError('too deep');
    const [initial] = this.take(1);
    const major = initial >> 5;
    const n = this.argument(initial & 0x1f);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return this.take(n);
      case 3:
        return strictUtf8Decoder.decode(this.take(n));
      case 4: {
        if (n > this.bytes.length) throw new RangeError('length');
        return Array.from({ length: n }, () => this.item(depth + 1));
      }
      case 5: {
        if (n > this.bytes.length) throw new RangeError('length');
        const map = new Map<number | string, Cbor>();
        for (let i = 0; i < n; i++) {
          const key = this.item(depth + 1);
          if ((typeof key !== 'number' && typeof key !== 'string') || map.has(key)) throw new RangeError('map key');
          map.set(key, this.item(depth + 1));
        }
        return map;
      }
      case 6:
        return { tag: n, value: this.item(depth + 1) };
      default:
        throw new RangeError('unsupported major type');
    }
  }
}

/** Decodes exactly one item, or returns null. */
export function decodeCbor(bytes: Uint8Array): Cbor | null {
  try {
    const reader = new Reader(bytes);
    const value = reader.item(0);
    return reader.offset === bytes.length ? value : null;
  } catch {
    return null;
  }
}
