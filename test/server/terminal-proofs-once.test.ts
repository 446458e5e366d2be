/**
 * Found in review: a terminal's proof that opens a session or makes an
 * upgrade could be sent again. A captured openSession assertion opened a
 * second session (and so handed its holder a session key of the terminal)
 * until it expired; an identical upgrade request, replayed after a wrong
 * keypad password, spent another of the citizen's five tries each time. Now
 * such a proof counts once, in the store, whichever instance receives it
 * (Store.spendTerminalProof); a verification may still be resent. SYNTHETIC
 * people; terminal keys generated per test.
 */
import type { TerminalSessionView } from '../../core/api';
import { developmentKeys } from '../../server/adapters/keys/key-material';
import { withTerminalAssertion } from '../../server/clients/assertions';
import { TerminalSessionClient } from '../../server/clients/terminal-session';
import { createVerifierFunction } from '../../server/functions/verifier';
import { createHarness, expectFailure, expectOk, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal } from '../support/journeys';
import { atUpgradeTerminal, cardAndTries, CARD_PASSWORD, IN_PERSON_PASSED } from '../support/upgrade-journey';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const REPLAY = { code: 'VERIFIER_UNKNOWN', reason: 'replay' };
/** The order of P-256, for rewriting an ECDSA signature into its other valid form. */
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

const verifier = (event: object) => h.emulator.functions.verifier(event, {});
const cardOfAlice = async () => (await cardAndTries(h)).card;
const passwordTriesUsed = async () => (await cardAndTries(h)).triesUsed;

/** A second instance of the verifier function over the same store and keys, as a deployment runs several. */
const anotherVerifierInstance = () => createVerifierFunction(h.emulator.deps, developmentKeys(h.dataDir), { info: () => {}, error: () => {} });

/** The same JWT with its ES256 signature (r, s) rewritten as (r, n - s): still valid, but other bytes. */
function withOtherSignature(assertion: string): string {
  const dot = assertion.lastIndexOf('.');
  const signature = Buffer.from(assertion.slice(dot + 1), 'base64url');
  const s = BigInt('0x' + signature.subarray(32).toString('hex'));
  const other = Buffer.from((P256_ORDER - s).toString(16).padStart(64, '0'), 'hex');
  return `${assertion.slice(0, dot)}.${Buffer.concat([signature.subarray(0, 32), other]).toString('base64url')}`;
}

describe('an openSession assertion opens one session', () => {
  it('sent again, as is or with its signature rewritten, it is refused; the first session keeps working', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const open = withTerminalAssertion(hotel, h.clock.now(), { action: 'openSession' });
    const session = new TerminalSessionClient(expectOk(await verifier(open)) as unknown as TerminalSessionView);

    expect(expectFailure(await verifier(open))).toMatchObject(REPLAY);
    expect(expectFailure(await verifier({ ...open, assertion: withOtherSignature(open.assertion) }))).toMatchObject(REPLAY);
    expectOk(await verifier(session.withSession({ action: 'verify', scene: 'hotel', token: await presentToken(h, 'alice', 'hotel') })));
    // The terminal opens another with a new assertion.
    expectOk(await verifier(withTerminalAssertion(hotel, h.clock.now(), { action: 'openSession' })));
  });

  it('on another instance of the verifier function too (the spend is in the store)', async () => {
    const hotel = await registerTerminal(h, ['hotel']);
    const open = withTerminalAssertion(hotel, h.clock.now(), { action: 'openSession' });
    expectOk(await verifier(open));
    const otherInstance = anotherVerifierInstance();
    expect(expectFailure(await otherInstance(open, {}))).toMatchObject(REPLAY);
  });
});

describe('an upgrade request counts once', () => {
  it('replayed after a wrong keypad password, it spends no further try of the citizen’s; a new request from the terminal goes through', async () => {
    const { terminal, token } = await atUpgradeTerminal(h);
    const mistyped = withTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, password: '00011122', inPersonCheck: IN_PERSON_PASSED });
    expect(expectFailure(await verifier(mistyped)).code).toBe('PASSWORD_WRONG');
    for (let replay = 0; replay < 5; replay++) expect(expectFailure(await verifier(mistyped))).toMatchObject(REPLAY);
    expect(await passwordTriesUsed()).toBe(1);

    expectOk(await verifier(withTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, password: CARD_PASSWORD, inPersonCheck: IN_PERSON_PASSED })));
    expect((await cardOfAlice()).level).toBe('colour');
  });

  it('over a terminal session, an upgrade counter replayed on another instance is refused (each instance keeps its own window of counters)', async () => {
    const { terminal, token } = await atUpgradeTerminal(h);
    const session = new TerminalSessionClient(expectOk(await verifier(withTerminalAssertion(terminal, h.clock.now(), { action: 'openSession' }))) as unknown as TerminalSessionView);
    const mistyped = session.withSession({ action: 'upgrade', token, password: '00011122', inPersonCheck: IN_PERSON_PASSED });
    expect(expectFailure(await verifier(mistyped)).code).toBe('PASSWORD_WRONG');
    const otherInstance = anotherVerifierInstance();
    expect(expectFailure(await otherInstance(mistyped, {}))).toMatchObject(REPLAY);
    expect(await passwordTriesUsed()).toBe(1);
  });

  it('a verification may be sent again with its assertion (a resend after a lost answer): the token itself counts once', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const request = withTerminalAssertion(hotel, h.clock.now(), { action: 'verify', scene: 'hotel', token: await presentToken(h, 'alice', 'hotel') });
    expectOk(await verifier(request));
    expect(expectFailure(await verifier(request)).code).toBe('CODE_USED');
  });
});
