/** Exactly the attributes a scene releases (core/scenes), computed from the held card. */
import { ageOn } from '../../core/age';
import { parseIdNumber } from '../../core/id-number';
import { maskIdNumber } from '../../core/mask';
import { SCENES, type ReleasedAttributes, type Scene } from '../../core/scenes';
import { openIdentity } from './sealed-identity';
import type { PiiProtector } from './ports';
import type { HeldCard } from './store';

export function releaseAttributes({ card, identity }: HeldCard, scene: Scene, pii: PiiProtector, now: Date): ReleasedAttributes {
  const { name, idNumber } = openIdentity(identity, pii);
  const released: ReleasedAttributes = {};
  for (const attribute of SCENES[scene].attributes) {
    switch (attribute) {
      case 'fullName':
        released.fullName = name;
        break;
      case 'idNumber':
        released.idNumber = idNumber;
        break;
      case 'maskedIdNumber':
        released.maskedIdNumber = maskIdNumber(idNumber);
        break;
      case 'level':
        released.level = card.level;
        break;
      case 'adult':
        released.adult = isAdult(idNumber, now);
        break;
      case 'over18':
        released.over18 = isAdult(idNumber, now);
        break;
    }
  }
  return released;
}

function isAdult(idNumber: string, now: Date): boolean {
  const parsed = parseIdNumber(idNumber, now);
  return parsed.ok && ageOn(parsed.value.birthDate, now) >= 18;
}
