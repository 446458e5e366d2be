/**
 * The SIMULATED identity authority (DESIGN.md §1): the local emulator's stand-in
 * for the platform's face verification. It answers from a synthetic population
 * (synthetic-population.json, made by scripts/generate-population.ts) and never
 * sees a real photo: a capture must be a simulator capture id.
 *
 * It logs nothing; in particular never a name or an ID number.
 */
import type { Authority, AuthorityVerdict, IdentityClaim, PlatformFaceCheck, Random } from '../../domain/ports';
import {
  LIVENESS_ACTIONS,
  SIMULATED_CAPTURE_PREFIX,
  type LivenessAction,
  type LivenessAnswer,
  type LivenessChallenge,
} from '../../../core/liveness';
import populationJson from './synthetic-population.json';

export interface SyntheticPerson {
  /** What the citizen types; for `name_mismatch` cases it differs from `registeredName`. */
  name: string;
  idNumber: string;
  status: 'alive' | 'deceased' | 'cancelled';
  /** Whether a simulated capture matches the registered photo of this ID number (also when deceased, cancelled or under another name). */
  face: 'match' | 'mismatch';
  case:
    | 'ordinary'
    | 'minority_name'
    | 'rare_character'
    | 'foreign_permanent'
    | 'deceased'
    | 'cancelled'
    | 'name_mismatch'
    | 'face_mismatch'
    | 'permit_hk'
    | 'permit_mo'
    | 'permit_tw';
  /** The authority's own record of the name, when it differs from `name`. */
  registeredName?: string;
}

export interface SyntheticPopulation {
  notice: string;
  synthetic: true;
  people: SyntheticPerson[];
}

const ACTIONS: readonly LivenessAction[] = LIVENESS_ACTIONS;
const STATUSES: readonly string[] = ['alive', 'deceased', 'cancelled'];
const FACES: readonly string[] = ['match', 'mismatch'];

/** The committed synthetic population, checked on load. */
export function loadSyntheticPopulation(): SyntheticPopulation {
  const data = populationJson as unknown as SyntheticPopulation;
  if (data.synthetic !== true || !Array.isArray(data.people)) {
    throw new Error('synthetic population: not marked synthetic');
  }
  data.people.forEach((person, index) => {
    if (typeof person.name !== 'string' || !/^[0-9]{17}[0-9X]$/.test(person.idNumber) || !STATUSES.includes(person.status) || !FACES.includes(person.face)) {
      throw new Error(`synthetic population: malformed entry at index ${index}`);
    }
  });
  return data;
}

export class SimulatedAuthority implements Authority {
  readonly label = 'SIMULATED identity authority (local emulator only)';
  private readonly byIdNumber: ReadonlyMap<string, SyntheticPerson>;

  constructor(population: SyntheticPopulation, private readonly random: Random) {
    this.byIdNumber = new Map(population.people.map((person) => [person.idNumber, person]));
  }

  /** Two distinct actions in random order and four random digits. */
  issueChallenge(): LivenessChallenge {
    const remaining = [...ACTIONS];
    const actions: LivenessAction[] = [];
    for (let i = 0; i < 2; i++) actions.push(remaining.splice(this.random.int(remaining.length), 1)[0]);
    let digits = '';
    for (let i = 0; i < 4; i++) digits += String(this.random.int(10));
    return { actions, digits };
  }

  /** The simulator runs no check of its own on the device: the challenge is all the device needs. */
  async begin(): Promise<PlatformFaceCheck | null> {
    return null;
  }

  async verify(input: {
    claim: IdentityClaim;
    challenge: LivenessChallenge;
    answer: LivenessAnswer | undefined;
    faceCapture: string;
  }): Promise<AuthorityVerdict> {
    const liveness = livenessPassed(input.challenge, input.answer) ? 'pass' : 'fail';
    const person = this.byIdNumber.get(input.claim.idNumber);
    const identity = identityOf(person, input.claim.name);
    // Compared with the number's registered photo whatever the name or status (the port's contract).
    const face = liveness === 'pass' && person ? (input.faceCapture.startsWith(SIMULATED_CAPTURE_PREFIX) ? person.face : 'mismatch') : 'not_checked';
    return { liveness, identity, face };
  }
}

function livenessPassed(challenge: LivenessChallenge, answer: LivenessAnswer | undefined): boolean {
  return (
    answer !== undefined &&
    answer.digits === challenge.digits &&
    answer.actions.length === challenge.actions.length &&
    answer.actions.every((action, i) => action === challenge.actions[i])
  );
}

function identityOf(person: SyntheticPerson | undefined, name: string): AuthorityVerdict['identity'] {
  if (!person) return 'not_found';
  if (person.status === 'deceased') return 'deceased';
  if (person.status === 'cancelled') return 'cancelled';
  return name === (person.registeredName ?? person.name) ? 'match' : 'name_mismatch';
}
