/**
 * The enrollment journey against the emulator's composition: real SQLite in a
 * temp folder, the simulated authority, a frozen clock. SYNTHETIC people only.
 */
import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardView } from '../../core/api';
import { FACE_SESSION_TTL_SECONDS, FAILURE_WINDOW_SECONDS } from '../../core/policy';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { attemptEnroll } from '../support/journeys';
import { personFor, typed } from '../support/people';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const enroll = (openid: string, person: { name: string; idNumber: string }, overrides: Record<string, unknown> = {}) => attemptEnroll(h, openid, person, overrides);

describe('enroll a basic card', () => {
  it('issues a signed, masked basic card that the card package then shows', async () => {
    const person = personFor('ordinary');
    const { card } = expectOk(await enroll('alice', person)) as unknown as { card: CardView };

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
    const { card } = expectOk(await enroll('alice', personFor('ordinary'))) as unknown as { card: CardView };
    const jwk = h.emulator.issuer.jwks().keys.find((k) => k.kid === card.keyId);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    const key = createPublicKey({ key: jwk!, format: 'jwk' });
    const claims = jwt.verify(card.issuerSignature, key, { algorithms: ['ES256'], clockTimestamp: Date.parse(card.issuedAt) / 1000 });
    expect(claims).toMatchObject({ sub: card.cardId, lvl: 'basic', iss: 'e-id-card' });
    expect(() => jwt.verify(card.issuerSignature, key, { algorithms: ['HS256'] })).toThrow();
  });

  it('stores name and ID number only encrypted, and never logs them', async () => {
    const person = personFor('minority_name');
    expectOk(await enroll('alice', person));
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

  it('enrolls a foreign permanent resident with a Latin name', async () => {
    expectOk(await enroll('alice', personFor('foreign_permanent')));
  });

  it('enrolls rare-character and residence-permit holders', async () => {
    expectOk(await enroll('a', personFor('rare_character')));
    expectOk(await enroll('b', personFor('permit_hk')));
    expectOk(await enroll('c', personFor('permit_tw')));
  });

  it('normalises a look-alike dot in a minority name before asking the authority', async () => {
    const person = personFor('minority_name');
    expectOk(await enroll('alice', { ...person, name: person.name.replace('·', '•') }));
  });

  it('accepts a lowercase x and surrounding spaces in the ID number', async () => {
    const person = personFor('ordinary', 1);
    expect(person.idNumber.endsWith('X')).toBe(true);
    expectOk(await enroll('alice', { ...person, idNumber: `  ${person.idNumber.toLowerCase()} ` }));
  });
});

describe('enrollment failures give the precise reason and write no card', () => {
  it('requires consent before anything else', async () => {
    const failure = expectFailure(await enroll('alice', personFor('ordinary'), { consent: false }));
    expect(failure.code).toBe('CONSENT_REQUIRED');
    expect(h.rowCounts()).toMatchObject({ cards: 0, identities: 0, failures: 0 });
  });

  it('refuses an ID number with a wrong check character', async () => {
    const { idNumber, name } = personFor('ordinary');
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
    const failure = expectFailure(await enroll('alice', { name, idNumber: wrong }));
    expect(failure).toMatchObject({ code: 'ID_NUMBER_INVALID', reason: 'checksum' });
    expect(failure.message).not.toContain(wrong);
  });

  it('refuses a Latin name with a resident ID number', async () => {
    const failure = expectFailure(await enroll('alice', { ...personFor('ordinary'), name: 'John Smith' }));
    expect(failure).toMatchObject({ code: 'NAME_INVALID', reason: 'latin_not_allowed' });
  });

  // The person themselves (the simulator's capture matches the number's photo) learns why; a stranger's
  // face is counted against the number as well as the caller (server/domain/rate-limit.ts).
  it.each([
    ['name_mismatch', 'IDENTITY_NOT_FOUND', 'name_mismatch', 1],
    ['deceased', 'IDENTITY_NOT_FOUND', 'deceased', 1],
    ['cancelled', 'IDENTITY_NOT_FOUND', 'cancelled', 1],
    ['face_mismatch', 'FACE_MISMATCH', undefined, 2],
  ] as const)('%s → %s', async (kase, code, reason, failures) => {
    const failure = expectFailure(await enroll('alice', personFor(kase)));
    expect(failure.code).toBe(code);
    expect(failure.reason).toBe(reason);
    expect(failure.details).toEqual({ attemptsLeft: 2 });
    expect(h.rowCounts()).toMatchObject({ cards: 0, identities: 0, failures });
  });

  it('reports an unknown number as not confirmed, with no reason: there was no registered face to compare', async () => {
    const failure = expectFailure(await enroll('alice', { name: '张三', idNumber: '11010519491231002X' }));
    expect(failure).toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    expect(failure.reason).toBeUndefined();
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
    for (let i = 0; i < 5; i++) expect(expectFailure(await enroll('alice', person)).code).toBe('FACE_MISMATCH');
    expect(expectFailure(await h.call('alice', { action: 'startFace' })).code).toBe('RATE_LIMITED');
    h.clock.advance(FAILURE_WINDOW_SECONDS * 1000);
    expectOk(await enroll('alice', personFor('ordinary')));
  });

  it('slows strangers on one ID number without stopping a caller whose face passes (server/domain/rate-limit.ts)', async () => {
    const person = personFor('ordinary');
    for (let i = 0; i < 5; i++) expect(expectFailure(await enroll(`caller-${i}`, person, { faceCapture: 'someone-else' })).code).toBe('FACE_MISMATCH');
    expect(expectFailure(await enroll('caller-new', person, { faceCapture: 'someone-else' })).code).toBe('FACE_MISMATCH');
    expect(expectFailure(await h.call('caller-new', { action: 'startFace' })).code).toBe('RATE_LIMITED');
    expectOk(await enroll('the-holder', person));
  });
});

describe('one live card', () => {
  it('per holder', async () => {
    expectOk(await enroll('alice', personFor('ordinary')));
    const failure = expectFailure(await enroll('alice', personFor('ordinary', 1)));
    expect(failure).toMatchObject({ code: 'CARD_EXISTS', reason: 'holder' });
  });

  it('per ID number, decided only after the authority confirmed the person', async () => {
    const person = personFor('ordinary');
    expectOk(await enroll('alice', person));
    const failure = expectFailure(await enroll('bob', person));
    expect(failure).toMatchObject({ code: 'CARD_EXISTS', reason: 'id_number' });
    expect(h.rowCounts()).toMatchObject({ cards: 1, identities: 1 });
  });

  it('when two phones enroll the same person at once, exactly one card is minted', async () => {
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
