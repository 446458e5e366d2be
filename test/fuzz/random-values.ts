/**
 * A seeded PRNG and the hostile values the fuzz suite mixes into events:
 * wrong types, huge and strange strings, numbers at the edges, deep nesting,
 * keys that reach prototype machinery. The same seed gives the same run.
 */

/** mulberry32: small, fast, and good enough to pick test inputs. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

export const STRANGE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\u200B\u200C\u200D',
  '\u0000',
  '\uFEFF',
  '😀'.repeat(9),
  'e\u0301\u0301\u0301',
  '𠮷𠮷',
  '李·明',
  '李\u00B7\u00B7明',
  'ＡＢＣ',
  '\r\n\t',
  '"\'<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '%00%ff',
  'EID1:',
  'simulated-capture:',
  '11010519491231002X',
  '1'.repeat(18),
  'null',
  'undefined',
  '[object Object]',
];

export const EDGE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  1.5,
  20,
  50,
  51,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** `depth` levels of alternating arrays and objects around a string. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A string of up to 128 k characters (mostly short), ASCII, CJK or astral. */
export function hugeString(rng: Prng): string {
  const unit = rng.pick(['x', '李', '𠮷', '\u0000', 'ab"\\']);
  return unit.repeat(1 + rng.int(2 ** (1 + rng.int(17))));
}

/** Objects with keys that reach prototype machinery, built the way JSON.parse builds them. */
export const FORBIDDEN_SHAPES: readonly (() => unknown)[] = [
  () => JSON.parse('{"__proto__":{"admin":true}}'),
  () => JSON.parse('{"constructor":{"prototype":{"admin":true}}}'),
  () => JSON.parse('[{"prototype":1}]'),
];

/** One hostile value; `related` are valid values of other fields (tokens, ids, scene names) to put where they do not belong. */
export function hostileValue(rng: Prng, related: readonly unknown[]): unknown {
  switch (rng.int(12)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick(EDGE_NUMBERS);
    case 3:
      return rng.pick(STRANGE_STRINGS);
    case 4:
      return hugeString(rng);
    case 5:
      return rng.chance(0.5) ? [] : {};
    case 6:
      return rng.pick([{ $gt: '' }, { $ne: null }, { $where: 'sleep(1)' }]);
    case 7:
      return nested(rng.chance(0.05) ? 30_000 : rng.pick([3, 9, 10, 64, 1000]));
    case 8:
      return Array.from({ length: rng.int(6) }, () => (rng.chance(0.5) ? rng.pick(STRANGE_STRINGS) : rng.pick(EDGE_NUMBERS)));
    case 9:
      return rng.pick(FORBIDDEN_SHAPES)();
    case 10:
      return related.length ? rng.pick(related) : undefined;
    default:
      return undefined;
  }
}
