/**
 * Issue 11, unbounded face sessions: pruning removes what no longer guards
 * anything, and nothing that one-time use, re-authentication or a holder's
 * records still need. Real SQLite, a frozen clock, SYNTHETIC people.
 */
import {
  CLOCK_TOLERANCE_SECONDS,
  FACE_SESSION_TTL_SECONDS,
  FACE_START_WINDOW_SECONDS,
  FAILURE_WINDOW_SECONDS,
  PRESENTATION_MAX_LIFETIME_SECONDS,
  REAUTH_VALID_SECONDS,
} from '../../core/policy';
import { SCENES } from '../../core/scenes';
import { pruneExpired } from '../../server/domain/prune';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal, verifyAs } from '../support/journeys';
import { personFor, typed } from '../support/people';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const SECOND = 1000;

it('unbounded face sessions: expired sessions, old failures and spent-token rows are pruned once past their usefulness, usages never', async () => {
  await enrolled(h, 'alice');
  const hotel = await registerTerminal(h, ['hotel']);
  expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', 'hotel'), 'hotel'));
  for (let i = 0; i < 3; i++) {
    const { answer } = await faceCheck(h, `stranger-${i}`);
    await h.call(`stranger-${i}`, { action: 'enroll', ...typed(personFor('face_mismatch')), consent: true, ...answer });
  }
  await h.call('idle', { action: 'startFace' });
  expect(h.rowCounts()).toMatchObject({ face_sessions: 5, failures: 6, spent_tokens: 1, usages: 1 });

  // Right now everything still guards something.
  expect(await pruneExpired(h.emulator.deps)).toEqual({ faceSessions: 0, failures: 0, spentTokens: 0, terminalProofs: 0 });

  // A face session goes once its start, its expiry and its pass are each older than any window that reads them.
  h.clock.advance((FACE_SESSION_TTL_SECONDS + Math.max(FAILURE_WINDOW_SECONDS, FACE_START_WINDOW_SECONDS, REAUTH_VALID_SECONDS)) * SECOND + SECOND);
  expect(await pruneExpired(h.emulator.deps)).toEqual({ faceSessions: 5, failures: 6, spentTokens: 1, terminalProofs: 0 });
  expect(h.rowCounts()).toMatchObject({ face_sessions: 0, failures: 0, spent_tokens: 0, usages: 1, cards: 1, identities: 1, terminals: 1 });
  const { usages } = expectOk(await h.call('alice', { action: 'listUsage' })) as unknown as { usages: unknown[] };
  expect(usages).toHaveLength(1);
});

it('unbounded face sessions: pruning never lets a spent token be used twice, even at the last instant a verifier still accepts it', async () => {
  await enrolled(h, 'alice');
  const hotel = await registerTerminal(h, ['hotel']);
  const { card } = expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: { cardId: string } };

  // The worst case: issued as far ahead as the clock tolerance allows, with the longest lifetime.
  const now = Math.floor(h.clock.now().getTime() / SECOND);
  const tokenId = new Uint8Array(12).fill(7);
  const issuedAt = now + CLOCK_TOLERANCE_SECONDS;
  const expiresAt = issuedAt + PRESENTATION_MAX_LIFETIME_SECONDS;
  const { deps } = h.emulator;
  const token = deps.presentationSigner.sign({ tokenId, cardRef: deps.cardRefs.seal(card.cardId, tokenId), scene: SCENES.hotel.code, issuedAt, expiresAt });
  expectOk(await verifyAs(h, hotel, token, 'hotel'));

  const lastAcceptedMs = (expiresAt + CLOCK_TOLERANCE_SECONDS + 1) * SECOND - 1;
  h.clock.advance(lastAcceptedMs - h.clock.now().getTime());
  await pruneExpired(deps);
  expect(expectFailure(await verifyAs(h, hotel, token, 'hotel')).code).toBe('CODE_USED');

  h.clock.advance(1);
  await pruneExpired(deps);
  expect(expectFailure(await verifyAs(h, hotel, token, 'hotel')).code).toBe('CODE_EXPIRED');
  expect(h.rowCounts()).toMatchObject({ usages: 1 });
});

it('unbounded face sessions: pruning keeps a recent face pass, so it is no way around re-authentication and no loss of one', async () => {
  await enrolled(h, 'alice');
  h.clock.advance(REAUTH_VALID_SECONDS * SECOND - SECOND);
  await pruneExpired(h.emulator.deps);
  expectOk(await h.call('alice', { action: 'present', scene: 'hotel' }));
  h.clock.advance(2 * SECOND);
  expect(expectFailure(await h.call('alice', { action: 'present', scene: 'hotel' })).code).toBe('REAUTH_REQUIRED');
});
