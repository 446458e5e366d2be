/**
 * Runs the shared rules of core/ over what the citizen typed. The rules live
 * there once; this only decides which field a reason belongs to.
 */
import type { IdNumberReason, NameReason } from '../../core/reasons';
import { allowsLatinName, parseIdNumber } from '../../core/id-number';
import { parseName } from '../../core/name';

export interface FormCheck {
  name?: NameReason;
  idNumber?: IdNumberReason;
  /** Present only when both fields are valid: the normalised values to keep. */
  valid?: { name: string; idNumber: string };
}

export function checkEnrollmentForm(rawName: string, rawIdNumber: string, today: Date): FormCheck {
  const name = parseName(rawName, { allowLatin: allowsLatinName(rawIdNumber) });
  const idNumber = parseIdNumber(rawIdNumber, today);
  if (name.ok && idNumber.ok) return { valid: { name: name.value, idNumber: idNumber.value.number } };
  return { name: name.ok ? undefined : name.reason, idNumber: idNumber.ok ? undefined : idNumber.reason };
}
