/** Exactly the granted scopes' values, from the held card (as release-attributes does for a scene). */
import type { PartnerAttributes } from '../../../core/services-api';
import type { PartnerScope } from '../../../core/services';
import { holderFacts } from '../holder-facts';
import type { PiiProtector } from '../ports';
import type { HeldCard } from '../store';

/** `verified` is always true and the pseudonym is the release's subject, so neither is an attribute value here. */
type ValuedScope = Exclude<PartnerScope, 'verified' | 'pseudonym'>;

export function releasePartnerAttributes(held: HeldCard, scopes: readonly PartnerScope[], pii: PiiProtector, now: Date): PartnerAttributes {
  const facts = holderFacts(held, pii, now);
  const values: Pick<PartnerAttributes, ValuedScope> = {
    fullName: facts.fullName,
    idNumber: facts.idNumber,
    maskedIdNumber: facts.maskedIdNumber,
    birthDate: facts.birthDate,
    over18: facts.adult,
    region: facts.region,
    cardLevel: facts.level,
  };
  const released: PartnerAttributes = { verified: true };
  for (const scope of scopes) {
    if (scope === 'verified' || scope === 'pseudonym' || values[scope] === undefined) continue;
    Object.assign(released, { [scope]: values[scope] });
  }
  return released;
}
