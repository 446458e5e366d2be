/**
 * The identity a caller claims (name and ID number), checked as the device
 * checks it: consent before any personal data is processed, then the ID
 * number, then the name (whose rules depend on the number's kind). Enrollment
 * and the start of an enrollment's face session read a claim the same way.
 */
import { EidError } from '../../core/errors';
import { allowsLatinName, parseIdNumber } from '../../core/id-number';
import { parseName } from '../../core/name';
import type { IdentityClaim } from './ports';

export function parseClaim(request: { name: string; idNumber: string; consent?: boolean }, now: Date): IdentityClaim {
  if (request.consent !== true) throw new EidError('CONSENT_REQUIRED');
  const idNumber = parseIdNumber(request.idNumber, now);
  if (!idNumber.ok) throw new EidError('ID_NUMBER_INVALID', { reason: idNumber.reason });
  const name = parseName(request.name, { allowLatin: allowsLatinName(idNumber.value.number) });
  if (!name.ok) throw new EidError('NAME_INVALID', { reason: name.reason });
  return { name: name.value, idNumber: idNumber.value.number };
}
