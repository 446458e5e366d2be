/**
 * Names as on the resident ID card: Han script including rare characters
 * outside U+4E00–U+9FA5 (CJK extensions, GB 18030), minority names joined by
 * the middle dot U+00B7, and, for the foreign permanent residence ID only,
 * Latin letters with spaces and hyphens. Lengths count code points.
 */
import type { NameReason } from './reasons';

export const NAME_MAX_LENGTH = 60;
export const MIDDLE_DOT = '\u00B7';

export type NameResult = { ok: true; value: string; script: 'han' | 'latin' } | { ok: false; reason: NameReason };

/** Dots people type instead of U+00B7: bullet, katakana and half-width middle dots, full stop, operators. */
const LOOK_ALIKE_DOTS = /[\u2022\u30FB\uFF0E.\u2027\uFF65\u2219\u22C5\u00B7]/g;

/**
 * A Han character that is also Ideographic: this keeps every CJK extension
 * (astral ones too) but refuses the Kangxi and CJK radicals (⼀ U+2F00 looks
 * like 一) and 々, which no registered name contains and would only fail later
 * at the authority.
 */
const HAN = '(?:(?=\\p{Ideographic})\\p{Script=Han})';
const HAN_NAME = new RegExp(`^${HAN}+(?:\u00B7${HAN}+)*$`, 'u');
const HAN_AND_DOTS = new RegExp(`^(?:${HAN}|\u00B7)+$`, 'u');
const LATIN_NAME = /^\p{Script=Latin}+([ -]\p{Script=Latin}+)*$/u;

export function normalizeName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .replace(LOOK_ALIKE_DOTS, MIDDLE_DOT)
    .replace(/[\s\u3000]*\u00B7[\s\u3000]*/g, MIDDLE_DOT)
    // Latin names: any run of spaces (tabs, U+3000) is one space; Han names refuse it anyway.
    .replace(/[\s\u3000]+/g, ' ');
}

export function parseName(raw: string, options: { allowLatin: boolean }): NameResult {
  const value = normalizeName(raw);
  if (value === '') return { ok: false, reason: 'empty' };
  if ([...value].length > NAME_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  if (HAN_NAME.test(value)) return { ok: true, value, script: 'han' };
  if (HAN_AND_DOTS.test(value)) return { ok: false, reason: 'dots' };
  if (LATIN_NAME.test(value)) {
    return options.allowLatin ? { ok: true, value, script: 'latin' } : { ok: false, reason: 'latin_not_allowed' };
  }
  return { ok: false, reason: 'characters' };
}
