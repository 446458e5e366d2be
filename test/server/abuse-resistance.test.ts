/**
 * Issue 11, abuse resistance of the citizen journeys: each test is named after
 * the weakness it pins. Real SQLite, the SIMULATED authority, a frozen clock;
 * SYNTHETIC people only.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Failure } from '../../core/api';
import { FACE_START_LIMIT, FACE_START_WINDOW_SECONDS, FAILURE_LIMIT, FAILURE_WINDOW_SECONDS, ID_NUMBER_MISMATCH_LIMIT } from '../../core/policy';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { attemptEnroll } from '../support/journeys';
import { personFor, typed } from '../support/people';

/** A live face that is not the claimed person's: the simulator matches only its own capture ids. */
const STRANGER_FACE = 'photo-of-someone-else';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const enroll = (openid: string, person: { name: string; idNumber: string }, overrides: Record<string, unknown> = {}) => attemptEnroll(h, openid, person, overrides);

/** What a caller can see of a refusal: everything but the message, which follows the code. */
const visible = ({ message: _message, ...rest }: Failure) => rest;

describe('lock-out by ID number', () => {
  it("lock-out by ID number: strangers failing with a holder's number do not lock the holder out of enrollment", async () => {
    const holder = personFor('ordinary');
    for (let i = 0; i < FAILURE_LIMIT * 3; i++) {
      const stranger = `stranger-${i}`;
      // Some strangers fail the face comparison, some fail liveness: neither may cost the holder anything.
      if (i % 2 === 0) await enroll(stranger, holder, { faceCapture: STRANGER_FACE });
      else await enroll(stranger, holder, { liveness: { actions: [], digits: '0000' } });
    }
    expectOk(await enroll('holder-phone', holder));
  });

  it('lock-out by ID number: a holder whose face passes goes ahead even on a number under attack', async () => {
    const holder = personFor('ordinary', 2);
    for (let i = 0; i < ID_NUMBER_MISMATCH_LIMIT * 2; i++) await enroll(`stranger-${i}`, holder, { faceCapture: STRANGER_FACE });
    const { answer } = await faceCheck(h, 'holder-phone');
    expectOk(await h.call('holder-phone', { action: 'enroll', ...typed(holder), consent: true, ...answer }));
  });

  it('lock-out by ID number: guessing stays slow, a stranger gets one face mismatch per window on a number under attack', async () => {
    const target = personFor('ordinary', 3);
    for (let i = 0; i < ID_NUMBER_MISMATCH_LIMIT; i++) {
      expect(expectFailure(await enroll(`stranger-${i}`, target, { faceCapture: STRANGER_FACE })).code).toBe('FACE_MISMATCH');
    }
    // The number is now under attack: a fresh stranger's first mismatch spends their whole window.
    expect(expectFailure(await enroll('late-stranger', target, { faceCapture: STRANGER_FACE })).code).toBe('FACE_MISMATCH');
    expect(expectFailure(await h.call('late-stranger', { action: 'startFace' })).code).toBe('RATE_LIMITED');
    // A number nobody targets still allows a caller the usual budget.
    const quiet = personFor('face_mismatch');
    for (let i = 0; i < FAILURE_LIMIT; i++) expect(expectFailure(await enroll('unlucky', quiet)).code).toBe('FACE_MISMATCH');
    expect(expectFailure(await h.call('unlucky', { action: 'startFace' })).code).toBe('RATE_LIMITED');
    h.clock.advance(FAILURE_WINDOW_SECONDS * 1000);
    expectOk(await h.call('late-stranger', { action: 'startFace' }));
  });
});

describe('identity-status oracle', () => {
  it('identity-status oracle: a stranger’s face gets one answer whether the number’s person is alive, deceased, cancelled or under another name', async () => {
    const answers = [];
    for (const kase of ['ordinary', 'deceased', 'cancelled', 'name_mismatch'] as const) {
      answers.push(visible(expectFailure(await enroll(`prober-${kase}`, personFor(kase), { faceCapture: STRANGER_FACE }))));
    }
    expect(answers[0]).toEqual({ ok: false, code: 'FACE_MISMATCH', details: { attemptsLeft: 2 } });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('identity-status oracle: a failed liveness check says nothing about the number either', async () => {
    const answers = [];
    for (const kase of ['ordinary', 'deceased', 'cancelled', 'name_mismatch'] as const) {
      const failure = expectFailure(await enroll(`prober-${kase}`, personFor(kase), { liveness: { actions: [], digits: '0000' } }));
      answers.push(visible(failure));
    }
    for (const answer of answers) expect(answer).toEqual({ ok: false, code: 'LIVENESS_FAILED', details: { attemptsLeft: 2 } });
  });

  it('identity-status oracle: a number with no registered person gets the generic IDENTITY_NOT_FOUND with no reason', async () => {
    const failure = expectFailure(await enroll('prober', { name: '张三', idNumber: '11010519491231002X' }));
    expect(visible(failure)).toEqual({ ok: false, code: 'IDENTITY_NOT_FOUND', details: { attemptsLeft: 2 } });
  });

  it.each([
    ['deceased', 'deceased'],
    ['cancelled', 'cancelled'],
    ['name_mismatch', 'name_mismatch'],
  ] as const)('identity-status oracle: the person themselves (liveness and face passed) still gets the precise reason %s', async (kase, reason) => {
    expect(expectFailure(await enroll('the-person', personFor(kase)))).toMatchObject({ code: 'IDENTITY_NOT_FOUND', reason });
  });
});

describe('unbounded face sessions', () => {
  const openSessions = (holder: string) => {
    const db = new Database(join(h.dataDir, 'eid.sqlite'), { readonly: true });
    try {
      return db
        .prepare('SELECT COUNT(*) FROM face_sessions WHERE holder = ? AND passed_at IS NULL AND expires_at > ?')
        .pluck()
        .get(holder, h.clock.now().getTime()) as number;
    } finally {
      db.close();
    }
  };

  it('unbounded face sessions: a new face session replaces the caller’s open one', async () => {
    const first = await faceCheck(h, 'alice');
    const second = await faceCheck(h, 'alice');
    expect(openSessions('alice')).toBe(1);
    const person = personFor('ordinary');
    expect(expectFailure(await h.call('alice', { action: 'enroll', ...typed(person), consent: true, ...first.answer })).code).toBe('FACE_SESSION_EXPIRED');
    expectOk(await h.call('alice', { action: 'enroll', ...typed(person), consent: true, ...second.answer }));
  });

  it('unbounded face sessions: starts are rate-limited per caller, and the limit lifts after its window', async () => {
    for (let i = 0; i < FACE_START_LIMIT; i++) expectOk(await h.call('alice', { action: 'startFace' }));
    expect(expectFailure(await h.call('alice', { action: 'startFace' })).code).toBe('RATE_LIMITED');
    expectOk(await h.call('bob', { action: 'startFace' }));
    h.clock.advance(FACE_START_WINDOW_SECONDS * 1000);
    expectOk(await h.call('alice', { action: 'startFace' }));
  });

  it('unbounded face sessions: 200 concurrent starts by one caller open at most the limit and leave one open session', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => h.call('alice', { action: 'startFace' })));
    expect(results.filter((r) => r.ok)).toHaveLength(FACE_START_LIMIT);
    expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED')).toHaveLength(200 - FACE_START_LIMIT);
    expect(h.rowCounts().face_sessions).toBe(FACE_START_LIMIT);
    expect(openSessions('alice')).toBe(1);
  });
});
