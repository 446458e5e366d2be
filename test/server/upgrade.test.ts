/**
 * The card password and the colour upgrade at a registered terminal, every
 * failure with its own code, on real SQLite with a frozen clock. SYNTHETIC people.
 */
import type { CardView, PresentationView, Result, UpgradeView } from '../../core/api';
import { CARD_PASSWORD_LOCK_SECONDS, CARD_PASSWORD_MAX_TRIES, REAUTH_VALID_SECONDS } from '../../core/policy';
import { withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import { qrVersion } from '../../bench/qr-version';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, registerTerminal, verifyAs } from '../support/journeys';

let h: Harness;
let upgrader: TerminalCredential;
beforeEach(async () => {
  h = createHarness();
  await enrolled(h, 'alice');
  upgrader = await registerTerminal(h, ['upgrade'], '广州市天河区政务服务中心 (synthetic)');
});
afterEach(() => h.close());

const PASSWORD = '73920561';
const PASSED = { idCardRead: true, faceMatch: true };

async function withFace(action: string, fields: Record<string, unknown>) {
  const { answer } = await faceCheck(h, 'alice');
  return h.call('alice', { action, ...answer, ...fields });
}

async function upgradeCode(): Promise<string> {
  return (expectOk(await h.call('alice', { action: 'presentUpgrade' })) as unknown as PresentationView).token;
}

function upgradeAt(terminal: TerminalCredential, token: string, fields: { password?: string; inPersonCheck?: typeof PASSED } = {}) {
  return h.emulator.functions.verifier(
    withTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, inPersonCheck: PASSED, password: PASSWORD, ...fields }),
    {},
  ) as Promise<Result<UpgradeView>>;
}

async function cardOf(): Promise<CardView> {
  return (expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: CardView }).card;
}

describe('card password', () => {
  it('the first needs a face check; a weak one is refused with the rule it breaks; only a hash is stored', async () => {
    expect(expectFailure(await h.call('alice', { action: 'setCardPassword', password: PASSWORD })).code).toBe('REAUTH_REQUIRED');
    expect(expectFailure(await withFace('setCardPassword', { password: '12345678' }))).toMatchObject({ code: 'PASSWORD_WEAK', reason: 'sequence' });
    expect(expectFailure(await withFace('setCardPassword', { password: '19900307' }))).toMatchObject({ code: 'PASSWORD_WEAK', reason: 'birth_date' });
    expectOk(await withFace('setCardPassword', { password: PASSWORD }));
    const stored = await h.emulator.deps.store.getCardPassword((await cardOf()).cardId);
    expect(stored?.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored?.hash).not.toContain(PASSWORD);
  });

  it('a change needs the old password or a face check', async () => {
    expectOk(await withFace('setCardPassword', { password: PASSWORD }));
    expect(expectFailure(await h.call('alice', { action: 'setCardPassword', password: '55120937' })).code).toBe('REAUTH_REQUIRED');
    expect(expectFailure(await h.call('alice', { action: 'setCardPassword', password: '55120937', oldPassword: '00011122' }))).toMatchObject({
      code: 'PASSWORD_WRONG',
      details: { triesLeft: CARD_PASSWORD_MAX_TRIES - 1 },
    });
    expectOk(await h.call('alice', { action: 'setCardPassword', password: '55120937', oldPassword: PASSWORD }));
    expectOk(await withFace('setCardPassword', { password: '66203948' }));
  });

  it(`locks after ${CARD_PASSWORD_MAX_TRIES} wrong tries; a face check unlocks; the lock also passes with time`, async () => {
    expectOk(await withFace('setCardPassword', { password: PASSWORD }));
    for (let left = CARD_PASSWORD_MAX_TRIES - 1; left > 0; left--) {
      expect(expectFailure(await upgradeAt(upgrader, await upgradeCode(), { password: '00011122' }))).toMatchObject({ code: 'PASSWORD_WRONG', details: { triesLeft: left } });
    }
    expect(expectFailure(await upgradeAt(upgrader, await upgradeCode(), { password: '00011122' })).code).toBe('PASSWORD_LOCKED');
    expect(expectFailure(await upgradeAt(upgrader, await upgradeCode())).code).toBe('PASSWORD_LOCKED');

    expectOk(await withFace('unlockCardPassword', {}));
    expect(expectFailure(await upgradeAt(upgrader, await upgradeCode(), { password: '00011122' })).code).toBe('PASSWORD_WRONG');

    for (let i = 0; i < CARD_PASSWORD_MAX_TRIES - 1; i++) await upgradeAt(upgrader, await upgradeCode(), { password: '00011122' });
    h.clock.advance(CARD_PASSWORD_LOCK_SECONDS * 1000 + 1000);
    const { answer } = await faceCheck(h, 'alice');
    expectOk(await h.call('alice', { action: 'reauth', ...answer }));
    expectOk(await upgradeAt(upgrader, await upgradeCode()));
  });
});

describe('colour upgrade at a registered terminal', () => {
  beforeEach(async () => {
    expectOk(await withFace('setCardPassword', { password: PASSWORD }));
  });

  it('makes the card colour, signed into the card (same id and validity); then no further upgrade', async () => {
    const before = await cardOf();
    const code = await upgradeCode();
    expect(qrVersion(code)).toBeLessThanOrEqual(8);
    expect(expectOk(await upgradeAt(upgrader, code))).toMatchObject({ level: 'colour', upgradedAt: h.clock.now().toISOString() });
    const after = await cardOf();
    expect(after).toMatchObject({ cardId: before.cardId, level: 'colour', status: 'active', expiresAt: before.expiresAt });
    expect(after.issuerSignature).not.toBe(before.issuerSignature);
    const claims = JSON.parse(Buffer.from(after.issuerSignature.split('.')[1]!, 'base64url').toString('utf8'));
    expect(JSON.stringify(claims)).toContain('colour');

    expect(expectFailure(await upgradeAt(upgrader, code)).code).toBe('CARD_ALREADY_COLOUR');
    expect(expectFailure(await h.call('alice', { action: 'presentUpgrade' })).code).toBe('CARD_ALREADY_COLOUR');
  });

  it('refuses a terminal without the upgrade permission, and a plain verification of an upgrade code', async () => {
    const hotel = await registerTerminal(h, ['hotel']);
    const code = await upgradeCode();
    expect(expectFailure(await upgradeAt(hotel, code)).code).toBe('UPGRADE_NOT_PERMITTED');
    expect(expectFailure(await verifyAs(h, upgrader, code, 'upgrade'))).toMatchObject({ code: 'SCENE_NOT_ALLOWED', reason: 'not_presentable' });
    expectOk(await upgradeAt(upgrader, code));
  });

  it('refuses a failed in-person check, naming the part that failed, and leaves the code unspent', async () => {
    const code = await upgradeCode();
    expect(expectFailure(await upgradeAt(upgrader, code, { inPersonCheck: { idCardRead: false, faceMatch: true } }))).toMatchObject({ code: 'IN_PERSON_CHECK_FAILED', reason: 'id_card' });
    expect(expectFailure(await upgradeAt(upgrader, code, { inPersonCheck: { idCardRead: true, faceMatch: false } }))).toMatchObject({ code: 'IN_PERSON_CHECK_FAILED', reason: 'face' });
    expectOk(await upgradeAt(upgrader, code));
  });

  it('refuses a counter code, an expired upgrade code and a suspended card', async () => {
    const counter = await upgradeCode();
    const hotelCode = (expectOk(await h.call('alice', { action: 'present', scene: 'hotel' })) as unknown as PresentationView).token;
    expect(expectFailure(await upgradeAt(upgrader, hotelCode))).toMatchObject({ code: 'SCENE_NOT_ALLOWED', reason: 'scene' });

    h.clock.advance(120_000);
    expect(expectFailure(await upgradeAt(upgrader, counter)).code).toBe('CODE_EXPIRED');

    const code = await upgradeCode();
    expectOk(await h.call('alice', { action: 'reportLost' }));
    expect(expectFailure(await upgradeAt(upgrader, code)).code).toBe('CARD_SUSPENDED');
  });

  it('an upgrade code needs a password set, a recent face check, and an active card', async () => {
    await enrolled(h, 'bob', 'ordinary', 1);
    expect(expectFailure(await h.call('bob', { action: 'presentUpgrade' })).code).toBe('PASSWORD_NOT_SET');
    h.clock.advance(REAUTH_VALID_SECONDS * 1000 + 1000);
    expect(expectFailure(await h.call('alice', { action: 'presentUpgrade' })).code).toBe('REAUTH_REQUIRED');
  });

  it('a code used once cannot upgrade twice, even when two terminals race', async () => {
    const code = await upgradeCode();
    const results = await Promise.all([upgradeAt(upgrader, code), upgradeAt(upgrader, code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await cardOf()).level).toBe('colour');
  });
});
