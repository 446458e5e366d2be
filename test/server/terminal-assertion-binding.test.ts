/**
 * Found in review: a per-request terminal assertion covered none of the
 * request's fields, so whoever captured one could, until it expired, send
 * upgrades with any keypad password or in-person check result, verify other
 * tokens, or open a session. Now its `req` claim is the SHA-256 of the
 * request's fields (core/terminal-request) and the verifier refuses an
 * assertion sent with any other request, or with none. SYNTHETIC people;
 * terminal keys generated per test.
 */
import jwt from 'jsonwebtoken';
import type { TerminalSessionView } from '../../core/api';
import { ASSERTION_AUDIENCE } from '../../core/policy';
import { signTerminalAssertion, withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import { createHarness, expectFailure, expectOk, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal } from '../support/journeys';
import { atUpgradeTerminal, cardAndTries, CARD_PASSWORD, IN_PERSON_PASSED } from '../support/upgrade-journey';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const BAD_BINDING = { code: 'VERIFIER_UNKNOWN', reason: 'assertion_request' };

const verifier = (event: object) => h.emulator.functions.verifier(event, {});

const cardOfAlice = async () => (await cardAndTries(h)).card;
const passwordTriesUsed = async () => (await cardAndTries(h)).triesUsed;

/** An assertion signed with the terminal's own key, with `claims` over the usual ones (a `req` of its choosing, or none). */
function assertionWith(terminal: TerminalCredential, claims: Record<string, unknown>): string {
  const iat = Math.floor(h.clock.now().getTime() / 1000);
  return jwt.sign({ iat, exp: iat + 120, iss: terminal.terminalId, aud: ASSERTION_AUDIENCE.terminal, ...claims }, terminal.privateKey, {
    algorithm: 'ES256',
    keyid: terminal.terminalId,
  });
}

describe('a terminal assertion is bound to its request (found in review)', () => {
  it('one made for exactly the request it comes with works, for a verification and an upgrade', async () => {
    await enrolled(h, 'bob', 'ordinary', 1);
    const hotel = await registerTerminal(h, ['hotel']);
    expectOk(await verifier(withTerminalAssertion(hotel, h.clock.now(), { action: 'verify', token: await presentToken(h, 'bob', 'hotel'), scene: 'hotel' })));

    const { terminal, token } = await atUpgradeTerminal(h);
    expectOk(await verifier(withTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, password: CARD_PASSWORD, inPersonCheck: IN_PERSON_PASSED })));
    expect((await cardOfAlice()).level).toBe('colour');
  });

  it('an upgrade replayed with the captured assertion but another password or in-person check is refused, before the code or the password is looked at', async () => {
    const { terminal, token } = await atUpgradeTerminal(h);
    // The citizen mistypes; the terminal's request (and its assertion) is captured.
    const mistyped = withTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, password: '00011122', inPersonCheck: IN_PERSON_PASSED });
    expect(expectFailure(await verifier(mistyped)).code).toBe('PASSWORD_WRONG');
    // Her face did not match; that request is captured before it even arrives.
    const faceFailed = withTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, password: CARD_PASSWORD, inPersonCheck: { idCardRead: true, faceMatch: false } });

    for (const altered of [
      { ...mistyped, password: CARD_PASSWORD }, // an assertion the verifier has already seen (and remembers)
      { ...mistyped, password: '12345670' },
      { ...faceFailed, inPersonCheck: IN_PERSON_PASSED }, // one it has not
      { ...faceFailed, inPersonCheck: { idCardRead: false, faceMatch: true } },
    ]) {
      expect(expectFailure(await verifier(altered))).toMatchObject(BAD_BINDING);
    }
    expect(await passwordTriesUsed()).toBe(1); // the citizen's own mistake only
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
    expect((await cardOfAlice()).level).toBe('basic');
  });

  it('a verify assertion reused for another token or another scene is refused', async () => {
    await enrolled(h, 'alice');
    const gate = await registerTerminal(h, ['hotel', 'age_check']);
    const first = await presentToken(h, 'alice', 'hotel');
    const captured = withTerminalAssertion(gate, h.clock.now(), { action: 'verify', token: first, scene: 'hotel' });
    expectOk(await verifier(captured));

    const second = await presentToken(h, 'alice', 'age_check');
    expect(expectFailure(await verifier({ ...captured, token: second, scene: 'age_check' }))).toMatchObject(BAD_BINDING);
    expect(expectFailure(await verifier({ ...captured, token: second }))).toMatchObject(BAD_BINDING);
    expect(expectFailure(await verifier({ ...captured, scene: 'age_check' }))).toMatchObject(BAD_BINDING);
    // Not even a fresh assertion's: one the verifier has not seen yet, sent with another token first.
    const unseen = withTerminalAssertion(gate, h.clock.now(), { action: 'verify', token: first, scene: 'age_check' });
    expect(expectFailure(await verifier({ ...unseen, token: second }))).toMatchObject(BAD_BINDING);

    expect(h.rowCounts()).toMatchObject({ usages: 1, spent_tokens: 1 });
    expectOk(await verifier(withTerminalAssertion(gate, h.clock.now(), { action: 'verify', token: second, scene: 'age_check' })));
  });

  it('an assertion without `req`, or with one that is not a digest of the request, is refused', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const token = await presentToken(h, 'alice', 'hotel');
    const request = { action: 'verify', token, scene: 'hotel' } as const;
    for (const claims of [{}, { req: null }, { req: 42 }, { req: '' }, { req: JSON.stringify(['verify', 'hotel', token]) }]) {
      expect(expectFailure(await verifier({ ...request, assertion: assertionWith(hotel, claims) }))).toMatchObject(BAD_BINDING);
      // A second time too (an unbound assertion is never remembered as good).
      expect(expectFailure(await verifier({ ...request, assertion: assertionWith(hotel, claims) }))).toMatchObject(BAD_BINDING);
    }
    expect(expectFailure(await verifier({ action: 'openSession', assertion: assertionWith(hotel, {}) }))).toMatchObject(BAD_BINDING);
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
  });

  it('openSession binds the action alone: a captured verify or upgrade assertion cannot open a session, nor an openSession assertion verify', async () => {
    const { terminal, token } = await atUpgradeTerminal(h);
    const upgrade = signTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, password: CARD_PASSWORD, inPersonCheck: IN_PERSON_PASSED });
    const verify = signTerminalAssertion(terminal, h.clock.now(), { action: 'verify', token, scene: 'upgrade' });
    for (const assertion of [upgrade, verify]) {
      expect(expectFailure(await verifier({ action: 'openSession', assertion }))).toMatchObject(BAD_BINDING);
    }

    const openSession = signTerminalAssertion(terminal, h.clock.now(), { action: 'openSession' });
    expect(expectFailure(await verifier({ action: 'upgrade', assertion: openSession, token, password: CARD_PASSWORD, inPersonCheck: IN_PERSON_PASSED }))).toMatchObject(BAD_BINDING);
    expect((await cardOfAlice()).level).toBe('basic');
    const session = expectOk(await verifier({ action: 'openSession', assertion: openSession })) as unknown as TerminalSessionView;
    expect(session.sessionId).toMatch(/^s1\./);
  });
});
