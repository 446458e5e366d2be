/**
 * What a held card says about its holder, opened once per release: a
 * scene's verifier (release-attributes.ts) and a partner
 * (services/release-partner-attributes.ts) each pick exactly their share.
 */
import { ageOn } from '../../core/age';
import type { CardLevel } from '../../core/card';
import { parseIdNumber } from '../../core/id-number';
import { maskIdNumber } from '../../core/mask';
import { homeRegionOf } from '../../core/service-regions';
import type { PiiProtector } from './ports';
import { openIdentity } from './sealed-identity';
import type { HeldCard } from './store';

export interface HolderFacts {
  fullName: string;
  idNumber: string;
  maskedIdNumber: string;
  /** YYYY-MM-DD, when the number's birth date is a real one. */
  birthDate?: string;
  adult: boolean;
  level: CardLevel;
  /** GB/T 2260 code of the ID number's city (or province), when it names one. */
  region?: string;
}

export function holderFacts({ card, identity }: HeldCard, pii: PiiProtector, now: Date): HolderFacts {
  const { name, idNumber } = openIdentity(identity, pii);
  const parsed = parseIdNumber(idNumber, now);
  const birthDate = parsed.ok ? parsed.value.birthDate : undefined;
  const home = homeRegionOf(idNumber);
  return {
    fullName: name,
    idNumber,
    maskedIdNumber: maskIdNumber(idNumber),
    ...(birthDate && { birthDate }),
    adult: birthDate !== undefined && ageOn(birthDate, now) >= 18,
    level: card.level,
    ...(home && { region: home.city ?? home.province }),
  };
}
