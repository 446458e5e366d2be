import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idCheckCharacter } from '../../core/id-number';
import type { LivenessChallenge } from '../../core/liveness';
import type { Random } from '../../server/domain/ports';
import {
  SimulatedAuthority,
  loadSyntheticPopulation,
  type SyntheticPerson,
} from '../../server/adapters/authority/simulated-authority';
import { OUTPUT_PATH, POPULATION_SEED, generatePopulation, renderPopulationJson } from '../../scripts/generate-population';

/** Replays a fixed list of ints (each reduced modulo `max`). */
class FakeRandom implements Random {
  private next = 0;
  constructor(private readonly ints: number[]) {}
  bytes(count: number): Uint8Array {
    return new Uint8Array(count);
  }
  token(count: number): string {
    return 'x'.repeat(count);
  }
  int(max: number): number {
    return this.ints[this.next++ % this.ints.length] % max;
  }
}

const population = loadSyntheticPopulation();
const people = population.people;
const firstOf = (kase: SyntheticPerson['case']) => people.find((p) => p.case === kase)!;
const allOf = (kase: SyntheticPerson['case']) => people.filter((p) => p.case === kase);

const CHALLENGE: LivenessChallenge = { actions: ['nod', 'blink'], digits: '4071' };
const CAPTURE = 'simulated-capture:test-1';

function verify(person: { name: string; idNumber: string }, overrides: Partial<Parameters<SimulatedAuthority['verify']>[0]> = {}) {
  const authority = new SimulatedAuthority(population, new FakeRandom([0]));
  return authority.verify({
    claim: { name: person.name, idNumber: person.idNumber },
    challenge: CHALLENGE,
    answer: { actions: [...CHALLENGE.actions], digits: CHALLENGE.digits },
    faceCapture: CAPTURE,
    ...overrides,
  });
}

describe('synthetic population fixture', () => {
  it('is marked synthetic and large enough', () => {
    expect(population.synthetic).toBe(true);
    expect(population.notice).toMatch(/SYNTHETIC/);
    expect(population.notice).toMatch(/Not real people/);
    expect(people.length).toBeGreaterThanOrEqual(200);
  });

  it('has unique ID numbers with valid check characters and real birth dates', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    for (const { idNumber } of people) {
      expect(idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(idNumber[17]).toBe(idCheckCharacter(idNumber.slice(0, 17)));
      const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)].map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      expect(y).toBeGreaterThanOrEqual(1930);
      expect(y).toBeLessThanOrEqual(2008);
      expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).toEqual([y, m, d]);
    }
  });

  it('covers every case, with the special cases first', () => {
    const cases: SyntheticPerson['case'][] = [
      'ordinary', 'minority_name', 'rare_character', 'foreign_permanent', 'deceased', 'cancelled',
      'name_mismatch', 'face_mismatch', 'permit_hk', 'permit_mo', 'permit_tw',
    ];
    for (const kase of cases) expect(allOf(kase).length).toBeGreaterThanOrEqual(1);
    for (const kase of ['deceased', 'cancelled', 'name_mismatch', 'face_mismatch'] as const) {
      expect(allOf(kase).length).toBeGreaterThanOrEqual(2);
    }
    expect(people[0].case).toBe('ordinary');
    expect(people.slice(0, 5).map((p) => p.case)).toEqual(['ordinary', 'deceased', 'cancelled', 'name_mismatch', 'face_mismatch']);
  });

  it('has the right shape for each kind of person', () => {
    for (const p of allOf('minority_name')) expect(p.name).toContain('\u00B7');
    const rare = allOf('rare_character').map((p) => [...p.name].map((c) => c.codePointAt(0)!));
    expect(rare.some((cps) => cps.some((cp) => cp > 0xffff))).toBe(true);
    expect(rare.some((cps) => cps.some((cp) => cp <= 0xffff && (cp < 0x4e00 || cp > 0x9fa5)))).toBe(true);
    for (const p of allOf('foreign_permanent')) {
      expect(p.idNumber[0]).toBe('9');
      expect(p.name).toMatch(/^[A-Z][A-Z -]*[A-Z]$/);
    }
    for (const p of allOf('permit_hk')) expect(p.idNumber.startsWith('810000')).toBe(true);
    for (const p of allOf('permit_mo')) expect(p.idNumber.startsWith('820000')).toBe(true);
    for (const p of allOf('permit_tw')) expect(p.idNumber.startsWith('830000')).toBe(true);
    for (const p of allOf('name_mismatch')) expect(p.registeredName).toBeDefined();
    for (const p of allOf('name_mismatch')) expect(p.registeredName).not.toBe(p.name);
    for (const p of allOf('face_mismatch')) expect(p.face).toBe('mismatch');
    for (const p of allOf('deceased')) expect(p.status).toBe('deceased');
    for (const p of allOf('cancelled')) expect(p.status).toBe('cancelled');
  });

  it('is reproduced byte for byte by the generator', () => {
    const committed = readFileSync(join(__dirname, '..', '..', OUTPUT_PATH), 'utf8');
    expect(renderPopulationJson(generatePopulation(POPULATION_SEED))).toBe(committed);
    expect(generatePopulation(POPULATION_SEED)).toEqual(generatePopulation(POPULATION_SEED));
  });
});

describe('SimulatedAuthority', () => {
  it('labels itself as simulated', () => {
    expect(new SimulatedAuthority(population, new FakeRandom([0])).label).toMatch(/SIMULATED/);
  });

  it('issues two distinct actions and four digits from the injected Random', () => {
    const authority = new SimulatedAuthority(population, new FakeRandom([1, 0, 4, 0, 7, 1]));
    expect(authority.issueChallenge()).toEqual({ actions: ['nod', 'blink'], digits: '4071' });
    for (let seed = 0; seed < 25; seed++) {
      const challenge = new SimulatedAuthority(population, new FakeRandom([seed % 5, seed % 4, 3, seed, 9])).issueChallenge();
      expect(challenge.actions).toHaveLength(2);
      expect(new Set(challenge.actions).size).toBe(2);
      expect(challenge.digits).toMatch(/^\d{4}$/);
    }
  });

  it('runs no check of its own on the device: begin asks for nothing beyond the challenge', async () => {
    const authority = new SimulatedAuthority(population, new FakeRandom([0]));
    await expect(authority.begin()).resolves.toBeNull();
  });

  it('fails liveness when no answer to the challenge is sent', async () => {
    await expect(verify(people[0], { answer: undefined })).resolves.toEqual({ liveness: 'fail', identity: 'match', face: 'not_checked' });
  });

  it('matches an ordinary person end to end (the first entry)', async () => {
    await expect(verify(people[0])).resolves.toEqual({ liveness: 'pass', identity: 'match', face: 'match' });
  });

  it.each(['minority_name', 'rare_character', 'foreign_permanent', 'permit_hk', 'permit_mo', 'permit_tw'] as const)(
    'matches a %s person',
    async (kase) => {
      for (const person of allOf(kase)) {
        await expect(verify(person)).resolves.toEqual({ liveness: 'pass', identity: 'match', face: 'match' });
      }
    },
  );

  it.each([
    ['deceased', 'deceased'],
    ['cancelled', 'cancelled'],
    ['name_mismatch', 'name_mismatch'],
  ] as const)('reports %s and still compares the face with the number’s registered photo', async (kase, identity) => {
    for (const person of allOf(kase)) {
      await expect(verify(person)).resolves.toEqual({ liveness: 'pass', identity, face: 'match' });
      await expect(verify(person, { faceCapture: 'data:image/jpeg;base64,AAAA' })).resolves.toEqual({ liveness: 'pass', identity, face: 'mismatch' });
    }
  });

  it('compares a name_mismatch claim with the photo of the number’s holder, under either name', async () => {
    const person = firstOf('name_mismatch');
    const underTypedName = await verify(person);
    const underRegisteredName = await verify({ name: person.registeredName!, idNumber: person.idNumber });
    expect(underTypedName.face).toBe(person.face);
    expect(underRegisteredName.face).toBe(underTypedName.face);
  });

  it('matches a name_mismatch person under the registered name', async () => {
    const person = firstOf('name_mismatch');
    await expect(verify({ name: person.registeredName!, idNumber: person.idNumber })).resolves.toMatchObject({ identity: 'match' });
  });

  it('reports a face mismatch', async () => {
    for (const person of allOf('face_mismatch')) {
      await expect(verify(person)).resolves.toEqual({ liveness: 'pass', identity: 'match', face: 'mismatch' });
    }
  });

  it('reports not_found for an unknown number', async () => {
    const first17 = '11010519900307999';
    const unknown = { name: '李明华', idNumber: first17 + idCheckCharacter(first17) };
    expect(people.some((p) => p.idNumber === unknown.idNumber)).toBe(false);
    await expect(verify(unknown)).resolves.toEqual({ liveness: 'pass', identity: 'not_found', face: 'not_checked' });
  });

  it('never matches a capture that is not a simulator capture', async () => {
    await expect(verify(people[0], { faceCapture: 'data:image/jpeg;base64,AAAA' })).resolves.toEqual({
      liveness: 'pass',
      identity: 'match',
      face: 'mismatch',
    });
  });

  it.each([
    ['actions in the wrong order', { actions: ['blink', 'nod'], digits: '4071' }],
    ['a missing action', { actions: ['nod'], digits: '4071' }],
    ['an extra action', { actions: ['nod', 'blink', 'nod'], digits: '4071' }],
    ['wrong digits', { actions: ['nod', 'blink'], digits: '4072' }],
  ] as const)('fails liveness for %s but still evaluates identity', async (_label, answer) => {
    const result = await verify(people[0], { answer: { actions: [...answer.actions], digits: answer.digits } });
    expect(result).toEqual({ liveness: 'fail', identity: 'match', face: 'not_checked' });
    const deceased = await verify(firstOf('deceased'), { answer: { actions: [...answer.actions], digits: answer.digits } });
    expect(deceased).toEqual({ liveness: 'fail', identity: 'deceased', face: 'not_checked' });
  });
});
