/**
 * SYNTHETIC people from the simulated authority's fixture, by the case they
 * exercise. Looked up by case, so tests do not copy numbers around.
 */
import { loadSyntheticPopulation, type SyntheticPerson } from '../../server/adapters/authority/simulated-authority';

const population = loadSyntheticPopulation();

export function personFor(kase: SyntheticPerson['case'], nth = 0): SyntheticPerson {
  const found = population.people.filter((p) => p.case === kase)[nth];
  if (!found) throw new Error(`the synthetic population has no ${kase} #${nth}`);
  return found;
}

/** What the citizen types: name and ID number, nothing else of the fixture. */
export function typed(person: SyntheticPerson): { name: string; idNumber: string } {
  return { name: person.name, idNumber: person.idNumber };
}
