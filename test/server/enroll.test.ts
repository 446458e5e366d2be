/**
 * The enrolment journey against the emulator's composition: real SQLite in a
 * temp folder, the simulated authority, a frozen clock. SYNTHETIC people only.
 */
import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardView } from '../../core/api';
import { FACE_SESSION_TTL_SECONDS, FAILURE_WINDOW_SECONDS } from '../../core/policy';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { personFor, typed } from '../support/people';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

async function enrol(openid: string, person: { name: string; idNumber: string }, overrides: Record<string, unknown> = {}) {
  const { answer } = await faceCheck(h, openid);
  return h.call(openid, { action: 'enroll', name: person.name, idNumber: person.idNumber, consent: true, ...answer, ...overrides });
}

describe('enrol a basic card', () => {
  it('issues a signed, masked basic card that the card package then shows', async () => {
    const person = personFor('ordinary');
    const { card } = expectOk(await enrol('alice', person)) as unknown as { card: CardView };

    expect(card).toMatchObject({ level: 'basic', status: 'active' });
    expect(card.maskedIdNumber).toBe(`${person.idNumber.slice(0, 3)}***********${person.idNumber.slice(-4)}`);
    expect(card.maskedName.endsWith([...person.name].pop()!)).toBe(true);
    expect(card.maskedName).not.toContain(person.name);
    expect(card.issuedAt).toBe('2026-11-28T08:00:00.000Z');
    expect(card.expiresAt).toBe('2031-11-28T08:00:00.000Z');

    const shown = expectOk(await h.call('alice', { action: 'getCard' }));
    expect(shown.card).toEqual(card);
    const other = expectOk(await h.call('bob', { action: 'getCard' }));
    expect(other.card).toBeNull();
  });

  it('signs the card claims with ES256 under a key id published in the JWKS', async () => {
    const { card } = expectOk(await enrol('alice', personFor('ordinary'))) as unknown as { card: CardView };
    const jwk = h.emulator.issuer.jwks().keys.find((k) => k.kid === card.keyId);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    const key = createPublicKey({ key: jwk!, format: 'jwk' });
    const claims = jwt.verify(card.issuerSignature, key, { algorithms: ['ES256'], clockTimestamp: Date.parse(card.issuedAt) / 1000 });
    expect(claims).toMatchObject({ sub: card.cardId, lvl: 'basic', iss: 'e-id-card' });
    expect(() => jwt.verify(card.issuerSignature, key, { algorithms: ['HS256'] })).toThrow();
  });

  it('stores name and ID number only encrypted, and never logs them', async () => {
    const person = personFor('minority_name');
    expectOk(await enrol('alice', person));
    const db = readFileSync(join(h.dataDir, 'eid.sqlite'));
    const wal = readFileSync(join(h.dataDir, 'eid.sqlite-wal'));
    for (const bytes of [db, wal]) {
      expect(bytes.includes(Buffer.from(person.idNumber))).toBe(false);
      expect(bytes.includes(Buffer.from(person.name))).toBe(false);
    }
    const logs = h.logLines.join('\n');
    expect(logs).not.toContain(person.idNumber);
    expect(logs).not.toContain(person.name);
  });

  it('enrols a foreign permanent resident with a Latin name', async () => {
    expectOk(await enrol('alice', personFor('foreign_permanent')));
  });

  it('enrols rare-character and residence-permit holders', async () => {
    expectOk(await enrol('a', personFor('rare_character')));
    expectOk(await enrol('b', personFor('permit_hk')));
    expectOk(await enrol('c', personFor('permit_tw')));
  });

  it('normalises a look-alike dot in a minority name before asking the authority', async () => {
    const person = personFor('minority_name');
    expectOk(await enrol('alice', { ...person, name: person.name.replace('·', '•') }));
  });

  it('accepts a lowercase x and surrounding spaces in the ID number', async () => {
    const person = personFor('ordinary', 1);
    expect(person.idNumber.endsWith('X')).toBe(true);
    expectOk(await enrol('alice', { ...person, idNumber: `  ${person.idNumber.toLowerCase()} ` }));
  });
});

describe('enrolment failures give the precise reason and write no card', () => {
  it('requires consent before anything else', async () => {
    const failure = expectFailure(await enrol('alice', personFor('ordinary'), { consent: false }));
    expect(failure.code).toBe('CONSENT_REQUIRED');
    expect(h.rowCounts()).toMatchObject({ cards: 0, identities: 0, failures: 0 });
  });

  it('refuses an ID number with a wrong check character', async () => {
    const { idNumber, name } = personFor('ordinary');
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
    const failure = expectFailure(await enrol('alice', { name, idNumber: wrong }));
    expect(failure).toMatchObject({ code: 'ID_NUMBER_INVALID', reason: 'checksum' });
    expect(failure.message).not.toContain(wrong);
  });

  it('refuses a Latin name with a resident ID number', async () => {
    const failure = expectFailure(await enrol('alice', { ...personFor('ordinary'), name: 'John Smith' }));
    expect(failure).toMatchObject({ code: 'NAME_INVALID', reason: 'latin_not_allowed' });
  });

  it.each([
    ['name_mismatch', 'IDENTITY_NOT_FOUND', 'name_mismatch'],
    ['deceased', 'IDENTITY_NOT_FOUND', 'deceased'],
    ['cancelled', 'IDENTITY_NOT_FOUND', 'cancelled'],
    ['face_mismatch', 'FACE_MISMATCH', undefined],
  ] as const)('%s → %s', async (kase, code, reason) => {
    const failure = expectFailure(await enrol('alice', personFor(kase)));
    expect(failure.code).toBe(code);
    expect(failure.reason).toBe(reason);
    expect(failure.details).toEqual({ attemptsLeft: 2 });
    expect(h.rowCounts()).toMatchObject({ cards: 0, identities: 0, failures: 2 });
  });

  it('reports an unknown number as not found', async () => {
    const failure = expectFailure(await enrol('alice', { name: '张三', idNumber: '11010519491231002X' }));
    expect(failure).toMatchObject({ code: 'IDENTITY_NOT_FOUND', reason: 'not_found' });
  });

  it('fails liveness when the digits read aloud are wrong', async () => {
    const { answer, challenge } = await faceCheck(h, 'alice');
    const wrongDigits = challenge.digits === '0000' ? '1111' : '0000';
    const person = personFor('ordinary');
    const failure = expectFailure(
      await h.call('alice', { action: 'enroll', ...typed(person), consent: true, ...answer, liveness: { actions: challenge.actions, digits: wrongDigits } }),
    );
    expect(failure.code).toBe('LIVENESS_FAILED');
  });

  it('expires the face session after 120 s', async () => {
    const { answer } = await faceCheck(h, 'alice');
    h.clock.advance(FACE_SESSION_TTL_SECONDS * 1000 + 1);
    const failure = expectFailure(await h.call('alice', { action: 'enroll', ...typed(personFor('ordinary')), consent: true, ...answer }));
    expect(failure.code).toBe('FACE_SESSION_EXPIRED');
  });

  it('allows three attempts per face session', async () => {
    const { answer } = await faceCheck(h, 'alice');
    const event = { action: 'enroll', ...typed(personFor('face_mismatch')), consent: true, ...answer };
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(expectFailure(await h.call('alice', event)).code);
    expect(codes).toEqual(['FACE_MISMATCH', 'FACE_MISMATCH', 'FACE_MISMATCH', 'FACE_SESSION_EXPIRED']);
  });

  it("does not accept another caller's face session", async () => {
    const { answer } = await faceCheck(h, 'alice');
    const failure = expectFailure(await h.call('mallory', { action: 'enroll', ...typed(personFor('ordinary')), consent: true, ...answer }));
    expect(failure.code).toBe('FACE_SESSION_EXPIRED');
  });

  it('cannot reuse a face session that already passed', async () => {
    const { answer } = await faceCheck(h, 'alice');
    expectOk(await h.call('alice', { action: 'enroll', ...typed(personFor('ordinary')), consent: true, ...answer }));
    const failure = expectFailure(await h.call('bob', { action: 'enroll', ...typed(personFor('ordinary', 1)), consent: true, ...answer }));
    expect(failure.code).toBe('FACE_SESSION_EXPIRED');
  });
});

describe('rate limits', () => {
  it('stops a caller after 5 failed checks in an hour, and lets them try again after', async () => {
    const person = personFor('face_mismatch');
    for (let i = 0; i < 5; i++) expect(expectFailure(await enrol('alice', person)).code).toBe('FACE_MISMATCH');
    expect(expectFailure(await h.call('alice', { action: 'startFace' })).code).toBe('RATE_LIMITED');
    h.clock.advance(FAILURE_WINDOW_SECONDS * 1000);
    expectOk(await enrol('alice', personFor('ordinary')));
  });

  it('stops attempts on one ID number from many callers', async () => {
    const person = personFor('name_mismatch');
    for (let i = 0; i < 5; i++) expect(expectFailure(await enrol(`caller-${i}`, person)).code).toBe('IDENTITY_NOT_FOUND');
    const failure = expectFailure(await enrol('caller-new', person));
    expect(failure.code).toBe('RATE_LIMITED');
  });
});

describe('one live card', () => {
  it('per holder', async () => {
    expectOk(await enrol('alice', personFor('ordinary')));
    const failure = expectFailure(await enrol('alice', personFor('ordinary', 1)));
    expect(failure).toMatchObject({ code: 'CARD_EXISTS', reason: 'holder' });
  });

  it('per ID number, decided only after the authority confirmed the person', async () => {
    const person = personFor('ordinary');
    expectOk(await enrol('alice', person));
    const failure = expectFailure(await enrol('bob', person));
    expect(failure).toMatchObject({ code: 'CARD_EXISTS', reason: 'id_number' });
    expect(h.rowCounts()).toMatchObject({ cards: 1, identities: 1 });
  });

  it('when two phones enrol the same person at once, exactly one card is minted', async () => {
    const person = personFor('ordinary');
    const [a, b] = await Promise.all([faceCheck(h, 'phone-a'), faceCheck(h, 'phone-b')]);
    const results = await Promise.all([
      h.call('phone-a', { action: 'enroll', ...typed(person), consent: true, ...a.answer }),
      h.call('phone-b', { action: 'enroll', ...typed(person), consent: true, ...b.answer }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'CARD_EXISTS')).toHaveLength(1);
    expect(h.rowCounts()).toMatchObject({ cards: 1, identities: 1 });
  });
});
