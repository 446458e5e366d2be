/**
 * The 8-digit card password's rules, shared by the password page (checked as
 * the citizen types) and the server (checked again): no digit repeated eight
 * times, no run counting up or down by one, and not the birth date of the
 * card's ID number in any of the orders people write it.
 */
import type { CardPasswordReason } from './reasons';

export const CARD_PASSWORD_PATTERN = /^\d{8}$/;

export type CardPasswordCheck = { ok: true } | { ok: false; reason: CardPasswordReason };

export function checkCardPassword(password: string, idNumber: string): CardPasswordCheck {
  if (!CARD_PASSWORD_PATTERN.test(password)) return { ok: false, reason: 'format' };
  const digits = [...password].map(Number);
  if (digits.every((d) => d === digits[0])) return { ok: false, reason: 'all_same' };
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return { ok: false, reason: 'sequence' };
  if (birthDateForms(idNumber).includes(password)) return { ok: false, reason: 'birth_date' };
  return { ok: true };
}

/** YYYYMMDD, DDMMYYYY and MMDDYYYY of the birth date at positions 7–14 of an 18-character ID number. */
function birthDateForms(idNumber: string): string[] {
  const birth = idNumber.slice(6, 14);
  if (!/^\d{8}$/.test(birth)) return [];
  const [yyyy, mm, dd] = [birth.slice(0, 4), birth.slice(4, 6), birth.slice(6, 8)];
  return [birth, `${dd}${mm}${yyyy}`, `${mm}${dd}${yyyy}`];
}
