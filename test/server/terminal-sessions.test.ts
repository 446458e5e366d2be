/**
 * Terminal sessions: one assertion opens a session, then each verify or
 * upgrade request carries an HMAC of the whole request. Replay, expiry, a
 * disabled terminal, another terminal's session and a field changed after the
 * MAC are each refused; the per-request assertion path stays available.
 * SYNTHETIC people; terminal keys generated per test.
 */
import type { CardView, PresentationView, TerminalSessionView } from '../../core/api';
import { TERMINAL_SESSION_REPLAY_WINDOW, TERMINAL_SESSION_SECONDS } from '../../core/policy';
import { signAdminAssertion, signTerminalAssertion, withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import { TerminalSessionClient } from '../../server/clients/terminal-session';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal, registerUpgradeTerminal, verifyAs } from '../support/journeys';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

async function openSession(terminal: TerminalCredential): Promise<TerminalSessionView> {
  const opened = await h.emulator.functions.verifier(withTerminalAssertion(terminal, h.clock.now(), { action: 'openSession' }), {});
  return expectOk(opened) as unknown as TerminalSessionView;
}

const verifyWith = (session: { id: string; counter: number; mac: string }, token: string, scene = 'hotel') =>
  h.emulator.functions.verifier({ action: 'verify', session, token, scene }, {});

describe('a terminal session', () => {
  it('opens with one assertion, lasts at most 10 minutes, and verifies with an HMAC per request', async () => {
    const person = await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const session = await openSession(hotel);
    expect(Date.parse(session.expiresAt) - h.clock.now().getTime()).toBe(TERMINAL_SESSION_SECONDS * 1000);
    const client = new TerminalSessionClient(session);
    const token = await presentToken(h, 'alice', 'hotel');
    const result = expectOk(await verifyWith(client.proof({ action: 'verify', scene: 'hotel', token }), token)) as unknown as { attributes: object };
    expect(result.attributes).toEqual({ fullName: person.name, idNumber: person.idNumber, level: 'basic' });
  });

  it('refuses a replayed request, and a counter older than the window, before looking at the token', async () => {
    await enrolled(h, 'alice');
    const client = new TerminalSessionClient(await openSession(await registerTerminal(h, ['hotel'])));
    const token = await presentToken(h, 'alice', 'hotel');
    const proof = client.proof({ action: 'verify', scene: 'hotel', token });
    expectOk(await verifyWith(proof, token));
    expect(expectFailure(await verifyWith(proof, token))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'replay' });

    // Concurrent requests may arrive out of order within the window; one far behind is refused.
    const later = await presentToken(h, 'alice', 'hotel');
    const proofs = Array.from({ length: TERMINAL_SESSION_REPLAY_WINDOW + 2 }, () => client.proof({ action: 'verify', scene: 'hotel', token: later }));
    expectOk(await verifyWith(proofs[proofs.length - 1], later));
    // Within the window an earlier counter still passes the session check (the token, now spent, is what refuses it) …
    expect(expectFailure(await verifyWith(proofs[5], later)).code).toBe('CODE_USED');
    // … but one that fell out of the window is a replay.
    expect(expectFailure(await verifyWith(proofs[0], later))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'replay' });
  });

  it('a replayed request under another spelling of the session id is still refused (found in review)', async () => {
    await enrolled(h, 'alice');
    const session = await openSession(await registerTerminal(h, ['hotel']));
    const token = await presentToken(h, 'alice', 'hotel');
    const proof = new TerminalSessionClient(session).proof({ action: 'verify', scene: 'hotel', token });
    expectOk(await verifyWith(proof, token));
    for (const id of [`${session.sessionId}.x`, `${session.sessionId}=`, `${session.sessionId}.`]) {
      expect(expectFailure(await verifyWith({ ...proof, id }, token))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'session' });
    }
  });

  it('refuses a forged MAC and another terminal’s session', async () => {
    await enrolled(h, 'alice');
    const hotelA = await openSession(await registerTerminal(h, ['hotel'], '酒店甲 (synthetic)'));
    const hotelB = await openSession(await registerTerminal(h, ['hotel'], '酒店乙 (synthetic)'));
    const token = await presentToken(h, 'alice', 'hotel');
    // Terminal B signs with its own key but presents A's session: the MAC cannot match.
    const borrowed = { ...new TerminalSessionClient(hotelB).proof({ action: 'verify', scene: 'hotel', token }), id: hotelA.sessionId };
    expect(expectFailure(await verifyWith(borrowed, token))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'session' });
    const forged = { ...new TerminalSessionClient(hotelA).proof({ action: 'verify', scene: 'hotel', token }), mac: 'A'.repeat(43) };
    expect(expectFailure(await verifyWith(forged, token))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'session' });
    const tamperedTicket = { ...new TerminalSessionClient(hotelA).proof({ action: 'verify', scene: 'hotel', token }), id: hotelA.sessionId.slice(0, -2) + 'AA' };
    expect(expectFailure(await verifyWith(tamperedTicket, token))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'session' });
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
  });

  it('ends when it expires', async () => {
    await enrolled(h, 'alice');
    const client = new TerminalSessionClient(await openSession(await registerTerminal(h, ['hotel'])));
    const token = await presentToken(h, 'alice', 'hotel');
    h.clock.advance(TERMINAL_SESSION_SECONDS * 1000); // the session is checked before the (by now expired) token
    expect(expectFailure(await verifyWith(client.proof({ action: 'verify', scene: 'hotel', token }), token))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'session' });
  });

  it('ends at once when an admin disables the terminal', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const client = new TerminalSessionClient(await openSession(hotel));
    const disabled = await h.emulator.functions.admin(
      { action: 'setTerminalEnabled', assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()), terminalId: hotel.terminalId, enabled: false },
      {},
    );
    expectOk(disabled);
    const token = await presentToken(h, 'alice', 'hotel');
    expect(expectFailure(await verifyWith(client.proof({ action: 'verify', scene: 'hotel', token }), token)).code).toBe('VERIFIER_UNKNOWN');
    expect(expectFailure(await verifyAs(h, hotel, token, 'hotel')).code).toBe('VERIFIER_UNKNOWN');
  });

  it('needs exactly one of assertion and session', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const client = new TerminalSessionClient(await openSession(hotel));
    const token = await presentToken(h, 'alice', 'hotel');
    const request = { action: 'verify', scene: 'hotel', token } as const;
    const both = { ...request, assertion: signTerminalAssertion(hotel, h.clock.now(), request), session: client.proof(request) };
    expect(expectFailure(await h.emulator.functions.verifier(both, {}))).toMatchObject({ code: 'INVALID_INPUT' });
    // An empty assertion is still an assertion field, which the session's MAC does not cover.
    expect(expectFailure(await h.emulator.functions.verifier({ ...both, assertion: '' }, {}))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(expectFailure(await h.emulator.functions.verifier({ action: 'verify', token, scene: 'hotel' }, {}))).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('the session MAC covers the whole request (found in review)', () => {
  const PASSWORD = '73920561';
  const PASSED = { idCardRead: true, faceMatch: true };

  /** Alice with a card password, an upgrade terminal's session and her upgrade code. */
  async function atUpgradeTerminal() {
    await enrolled(h, 'alice');
    const { answer } = await faceCheck(h, 'alice');
    expectOk(await h.call('alice', { action: 'setCardPassword', ...answer, password: PASSWORD }));
    const client = new TerminalSessionClient(await openSession(await registerUpgradeTerminal(h, '政务服务中心 (synthetic)')));
    const token = (expectOk(await h.call('alice', { action: 'presentUpgrade' })) as unknown as PresentationView).token;
    return { client, token };
  }

  const levelOfAlice = async () => (expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: CardView }).card.level;

  it('an upgrade over a session: the MAC covers the keypad password and the in-person check', async () => {
    const { client, token } = await atUpgradeTerminal();
    expectOk(await h.emulator.functions.verifier(client.withSession({ action: 'upgrade', token, password: PASSWORD, inPersonCheck: PASSED }), {}));
    expect(await levelOfAlice()).toBe('colour');
  });

  it('an upgrade request whose password or in-person check was changed after the MAC is refused as a bad MAC', async () => {
    const { client, token } = await atUpgradeTerminal();
    // Captured requests, each altered and sent first (as to an instance whose replay window never saw the counter).
    const wrongPassword = client.withSession({ action: 'upgrade', token, password: '00011122', inPersonCheck: PASSED });
    const faceFailed = client.withSession({ action: 'upgrade', token, password: PASSWORD, inPersonCheck: { idCardRead: true, faceMatch: false } });
    const cardNotRead = client.withSession({ action: 'upgrade', token, password: PASSWORD, inPersonCheck: { idCardRead: false, faceMatch: true } });
    for (const altered of [
      { ...wrongPassword, password: PASSWORD },
      { ...faceFailed, inPersonCheck: PASSED },
      { ...cardNotRead, inPersonCheck: PASSED },
    ]) {
      expect(expectFailure(await h.emulator.functions.verifier(altered, {}))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'session' });
    }
    // Refused before the code or the password was looked at: no password try spent, the code still unused.
    const cardId = (expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: CardView }).card.cardId;
    expect((await h.emulator.deps.store.getCardPassword(cardId))?.triesUsed).toBe(0);
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
    expect(await levelOfAlice()).toBe('basic');
  });

  it('a verify MAC’d for a scene and sent as an upgrade is refused as a bad MAC', async () => {
    const { client, token } = await atUpgradeTerminal();
    for (const scene of ['upgrade', 'hotel'] as const) {
      const { session } = client.withSession({ action: 'verify', scene, token });
      const asUpgrade = { action: 'upgrade', session, token, password: PASSWORD, inPersonCheck: PASSED };
      expect(expectFailure(await h.emulator.functions.verifier(asUpgrade, {}))).toMatchObject({ code: 'VERIFIER_UNKNOWN', reason: 'session' });
    }
    expect(await levelOfAlice()).toBe('basic');
  });
});

describe('the per-request assertion path', () => {
  it('a replayed request (same assertion, same token) releases nothing: CODE_USED', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const token = await presentToken(h, 'alice', 'hotel');
    const request = withTerminalAssertion(hotel, h.clock.now(), { action: 'verify', token, scene: 'hotel' });
    expectOk(await h.emulator.functions.verifier(request, {}));
    expect(expectFailure(await h.emulator.functions.verifier(request, {})).code).toBe('CODE_USED');
  });

  it('an expired assertion cannot open a session', async () => {
    const hotel = await registerTerminal(h, ['hotel']);
    const assertion = signTerminalAssertion(hotel, h.clock.now(), { action: 'openSession' }, 60);
    h.clock.advance(120_000);
    expect(expectFailure(await h.emulator.functions.verifier({ action: 'openSession', assertion }, {})).code).toBe('VERIFIER_UNKNOWN');
  });
});
