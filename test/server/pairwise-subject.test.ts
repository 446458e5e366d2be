/**
 * The pairwise subject id a partner receives: stable for one partner and one
 * person across sessions and re-enrollments, different for every partner, and
 * holding none of the card id, the holder's openid, the ID number or its
 * index — checked in the bytes, not just the text. SYNTHETIC people.
 */
import type { ExchangeResult } from '../../core/services-api';
import { createHarness, expectOk, type Harness } from '../support/harness';
import { attemptEnroll } from '../support/journeys';
import { personFor, typed } from '../support/people';
import { approvedTile, codeFor, exchange, onboardedPartner, type TestPartner } from '../support/services';
import { changeStatus } from '../support/card-status';

let h: Harness;
let pension: TestPartner;
let housing: TestPartner;
let pensionTile: string;
let housingTile: string;
beforeEach(async () => {
  h = createHarness();
  pension = await onboardedPartner(h);
  housing = await onboardedPartner(h);
  pensionTile = await approvedTile(h, pension);
  housingTile = await approvedTile(h, housing);
});
afterEach(() => h.close());

const person = typed(personFor('ordinary'));

async function enroll(openid: string, who = person): Promise<void> {
  expectOk(await attemptEnroll(h, openid, who));
}

async function subjectAt(partner: TestPartner, tileId: string, openid: string): Promise<ExchangeResult> {
  return expectOk(await exchange(h, partner, await codeFor(h, openid, tileId))) as unknown as ExchangeResult;
}

async function cardOf(openid: string) {
  const { card } = expectOk(await h.call(openid, { action: 'getCard' })) as unknown as { card: { cardId: string } };
  return (await h.emulator.deps.store.getHeldCard(card.cardId))!;
}

/** Every way a value could sit in a string or its bytes: as text, hex, base64 and base64url, and as raw bytes of the decoded id. */
function expectHoldsNoneOf(subject: string, secrets: string[]): void {
  const decoded = Buffer.from(subject.replace(/^ps_/, ''), 'base64url');
  expect(decoded).toHaveLength(32);
  for (const secret of secrets) {
    const bytes = Buffer.from(secret, 'utf8');
    for (const form of [secret, bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url'), secret.toLowerCase()]) {
      expect(subject.toLowerCase()).not.toContain(form.toLowerCase().replace(/=+$/, ''));
    }
    expect(decoded.includes(bytes)).toBe(false);
    // No run of 8 characters of the secret survives either (an ID number's birth date, a card id's prefix).
    for (let i = 0; i + 8 <= secret.length; i++) expect(subject).not.toContain(secret.slice(i, i + 8));
  }
}

describe('the pairwise subject id', () => {
  it('is the same for one partner and one person across sessions and codes', async () => {
    await enroll('alice');
    const first = await subjectAt(pension, pensionTile, 'alice');
    h.clock.advance(3600_000);
    const second = await subjectAt(pension, pensionTile, 'alice');
    expect(second.subject).toBe(first.subject);
  });

  it('is the same after the person re-enrolls on another phone (new card, new identity record, new openid)', async () => {
    await enroll('alice');
    const before = await subjectAt(pension, pensionTile, 'alice');
    const oldCard = await cardOf('alice');
    await changeStatus(h.emulator.deps.store, oldCard.card.id, 'revoked', h.clock.now());

    await enroll('alice-new-phone');
    const newCard = await cardOf('alice-new-phone');
    expect(newCard.card.id).not.toBe(oldCard.card.id);
    expect(newCard.identity.id).not.toBe(oldCard.identity.id);
    expect((await subjectAt(pension, pensionTile, 'alice-new-phone')).subject).toBe(before.subject);
  });

  it('differs between partners, and between people at one partner', async () => {
    await enroll('alice');
    await enroll('bob', typed(personFor('ordinary', 1)));
    const alicePension = (await subjectAt(pension, pensionTile, 'alice')).subject;
    const aliceHousing = (await subjectAt(housing, housingTile, 'alice')).subject;
    const bobPension = (await subjectAt(pension, pensionTile, 'bob')).subject;
    expect(new Set([alicePension, aliceHousing, bobPension]).size).toBe(3);
  });

  it('holds none of the card id, the openid, the ID number, its index or the identity record id, in text or bytes', async () => {
    await enroll('synthetic-openid-alice-0001');
    const held = await cardOf('synthetic-openid-alice-0001');
    const secrets = [held.card.id, 'synthetic-openid-alice-0001', person.idNumber, held.identity.idIndex, held.identity.id];
    const result = await subjectAt(pension, pensionTile, 'synthetic-openid-alice-0001');
    expectHoldsNoneOf(result.subject, secrets);
    expectHoldsNoneOf((await subjectAt(housing, housingTile, 'synthetic-openid-alice-0001')).subject, secrets);

    // Nor does anything else the partner receives when no identity scope is granted (here only the birth date).
    const everything = JSON.stringify(result) + Buffer.from(result.idToken.split('.')[1], 'base64url').toString('utf8');
    for (const secret of [held.card.id, 'synthetic-openid-alice-0001', person.idNumber, held.identity.idIndex]) expect(everything).not.toContain(secret);
  });
});
