/**
 * Resident ID numbers (GB 11643-1999), the 81/82/83 residence permits, and
 * the 2023 foreign permanent residence ID (first digit 9). Pure: the caller
 * passes today's date, so tests freeze time and the module never reads a clock.
 */
import type { IdNumberReason } from './reasons';
import { PERMIT_PREFIXES, PROVINCES } from './regions';

export const ID_NUMBER_LENGTH = 18;

export type IdNumberKind = 'resident' | 'permit_hk' | 'permit_mo' | 'permit_tw' | 'foreign_permanent';

export interface IdNumberInfo {
  number: string;
  kind: IdNumberKind;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Absent for the foreign permanent residence ID, whose layout does not define it. */
  sex?: 'male' | 'female';
  /** Two digits; absent for the foreign permanent residence ID. */
  provinceCode?: string;
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; reason: IdNumberReason };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError('idCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Latin names belong to the foreign permanent residence ID only (first digit
 * 9). Takes the number as typed, so a form can judge the name before the
 * number is complete.
 */
export function allowsLatinName(idNumber: string): boolean {
  return normalizeIdNumber(idNumber).startsWith('9');
}

/** Trims surrounding (also ideographic) spaces, folds full-width digits and X, upper-cases x. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[xX\uFF38\uFF58]$/, 'X');
}

/**
 * Checks in the order that gives the most useful reason: shape, then the check
 * character (a typo is most likely caught there), then the region, then the
 * birth date.
 */
export function parseIdNumber(raw: string, today: Date): IdNumberResult {
  const number = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, reason: 'format' };
  if (idCheckCharacter(number.slice(0, 17)) !== number[17]) return { ok: false, reason: 'checksum' };

  const foreign = number[0] === '9';
  const prefix = number.slice(0, 2);
  const kind: IdNumberKind | undefined = foreign
    ? 'foreign_permanent'
    : prefix in PERMIT_PREFIXES
      ? PERMIT_PREFIXES[prefix as keyof typeof PERMIT_PREFIXES]
      : prefix in PROVINCES
        ? 'resident'
        : undefined;
  if (!kind) return { ok: false, reason: 'region' };

  const birthDate = birthDateOf(number.slice(6, 14), today);
  if (!birthDate) return { ok: false, reason: 'birth_date' };

  if (foreign) return { ok: true, value: { number, kind, birthDate } };
  const sex = Number(number[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { number, kind, birthDate, sex, provinceCode: prefix } };
}

/** YYYYMMDD → YYYY-MM-DD when it is a real date from 1900-01-01 to today, else null. */
function birthDateOf(digits: string, today: Date): string | null {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1900) return null;
  // Birth dates are calendar dates in China (UTC+8, no daylight saving).
  const china = new Date(today.getTime() + 8 * 3600 * 1000);
  if (date.getTime() > Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate())) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}
