/**
 * The 8-digit card password's rules, shared by the password page (checked as
 * the citizen types) and the server (checked again): no digit repeated eight
 * times, no run counting up or down by one, and not the birth date of the
 * card's ID number in any of the orders people write it.
 *
 * The rules are in two parts because their answers tell different things.
 * checkCardPasswordAlone judges the password by itself: its answer is the same
 * whoever asks about whichever card. checkCardPassword adds the birth date,
 * so its answer tells whether a guess is the holder's birth date (which the
 * card view masks): the server asks it only once the caller has proved to be
 * the holder.
 */
import type { CardPasswordReason } from './reasons';

export const CARD_PASSWORD_PATTERN = /^\d{8}$/;

export type CardPasswordCheck = { ok: true } | { ok: false; reason: CardPasswordReason };

/** The rules that need nothing but the password: its format, no digit eight times, no count up or down. */
export function checkCardPasswordAlone(password: string): CardPasswordCheck {
  if (!CARD_PASSWORD_PATTERN.test(password)) return { ok: false, reason: 'format' };
  const digits = [...password].map(Number);
  if (digits.every((d) => d === digits[0])) return { ok: false, reason: 'all_same' };
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return { ok: false, reason: 'sequence' };
  return { ok: true };
}

/** Every rule: those of checkCardPasswordAlone, and not the birth date in `idNumber`. */
export function checkCardPassword(password: string, idNumber: string): CardPasswordCheck {
  const alone = checkCardPasswordAlone(password);
  if (!alone.ok) return alone;
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
