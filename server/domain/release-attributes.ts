/** Exactly the attributes a scene releases (core/scenes), computed from the held card. */
import { SCENES, type Attribute, type ReleasedAttributes, type Scene } from '../../core/scenes';
import { holderFacts } from './holder-facts';
import type { PiiProtector } from './ports';
import type { HeldCard } from './store';

export function releaseAttributes(held: HeldCard, scene: Scene, pii: PiiProtector, now: Date): ReleasedAttributes {
  const facts = holderFacts(held, pii, now);
  const values: Required<Pick<ReleasedAttributes, Attribute>> = {
    fullName: facts.fullName,
    idNumber: facts.idNumber,
    maskedIdNumber: facts.maskedIdNumber,
    level: facts.level,
    adult: facts.adult,
    over18: facts.adult,
  };
  return Object.fromEntries(SCENES[scene].attributes.map((attribute) => [attribute, values[attribute]]));
}
