/**
 * The card password and the colour upgrade at a registered terminal, every
 * failure with its own code, on real SQLite with a frozen clock. SYNTHETIC people.
 */
import type { CardView, Failure, PresentationView, Result, UpgradeView } from '../../core/api';
import { CARD_PASSWORD_LOCK_SECONDS, CARD_PASSWORD_MAX_TRIES, REAUTH_VALID_SECONDS } from '../../core/policy';
import { withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import { qrVersion } from '../../bench/qr-version';
import { setCardPassword } from '../../server/domain/card-password';
import type { PasswordHasher } from '../../server/domain/ports';
import { upgradeCard } from '../../server/domain/upgrade-card';
import type { Store } from '../../server/domain/store';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, registerTerminal, registerUpgradeTerminal, verifyAs } from '../support/journeys';
import { withStepBefore } from '../support/step-between';

let h: Harness;
let upgrader: TerminalCredential;
beforeEach(async () => {
  h = createHarness();
  await enrolled(h, 'alice');
  upgrader = await registerUpgradeTerminal(h);
});
afterEach(() => h.close());

const PASSWORD = '73920561';
const PASSED = { idCardRead: true, faceMatch: true };
/** Alice's birth date, inside her SYNTHETIC ID number (the card view masks it). */
const BIRTH_DATE = '19900307';
/** A live face that is not Alice's: the simulator matches only its own capture ids. */
const STRANGER_FACE = 'photo-of-someone-else';

async function withFace(action: string, fields: Record<string, unknown>) {
  const { answer } = await faceCheck(h, 'alice');
  return h.call('alice', { action, ...answer, ...fields });
}

/** What a caller can tell apart in a refusal: its code and reason (the message follows the code). */
const refusal = ({ code, reason }: Failure) => ({ code, reason });

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
    expect(expectFailure(await withFace('setCardPassword', { password: BIRTH_DATE }))).toMatchObject({ code: 'PASSWORD_WEAK', reason: 'birth_date' });
    expectOk(await withFace('setCardPassword', { password: PASSWORD }));
    const stored = await h.emulator.deps.store.getCardPassword((await cardOf()).cardId);
    expect(stored?.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored?.hash).not.toContain(PASSWORD);
  });

  it('a caller not yet proved to be the holder learns nothing of the birth date: it and a random guess get one answer (found in review)', async () => {
    const RANDOM = '55120937';
    const answersTo = async (attempt: (password: string) => Promise<Result<unknown>>) => [
      refusal(expectFailure(await attempt(BIRTH_DATE))),
      refusal(expectFailure(await attempt(RANDOM))),
    ];

    // The first password: no face check, or a stranger's face.
    expect(await answersTo((password) => h.call('alice', { action: 'setCardPassword', password }))).toEqual([
      { code: 'REAUTH_REQUIRED' },
      { code: 'REAUTH_REQUIRED' },
    ]);
    expect(await answersTo((password) => withFace('setCardPassword', { password, faceCapture: STRANGER_FACE }))).toEqual([
      { code: 'FACE_MISMATCH' },
      { code: 'FACE_MISMATCH' },
    ]);

    // A change: no proof, or a wrong old password.
    expectOk(await withFace('setCardPassword', { password: PASSWORD }));
    expect(await answersTo((password) => h.call('alice', { action: 'setCardPassword', password }))).toEqual([
      { code: 'REAUTH_REQUIRED' },
      { code: 'REAUTH_REQUIRED' },
    ]);
    expect(await answersTo((password) => h.call('alice', { action: 'setCardPassword', password, oldPassword: '00011122' }))).toEqual([
      { code: 'PASSWORD_WRONG' },
      { code: 'PASSWORD_WRONG' },
    ]);

    // The holder, proved by the old password, is told the rule.
    expect(refusal(expectFailure(await h.call('alice', { action: 'setCardPassword', password: BIRTH_DATE, oldPassword: PASSWORD })))).toEqual({
      code: 'PASSWORD_WEAK',
      reason: 'birth_date',
    });
  });

  it('a password whose hash is still being made when the card is revoked is not kept; the holder hears CARD_REVOKED (found in review)', async () => {
    const { deps } = h.emulator;
    const { cardId } = await cardOf();
    const revokedWhileHashing: PasswordHasher = {
      async hash(password) {
        const hash = await deps.passwords.hash(password);
        const { answer } = await faceCheck(h, 'alice');
        expectOk(await h.call('alice', { action: 'revoke', ...answer }));
        return hash;
      },
      verify: (password, stored) => deps.passwords.verify(password, stored),
    };
    const { answer } = await faceCheck(h, 'alice');
    await expect(setCardPassword({ ...deps, passwords: revokedWhileHashing }, 'alice', { password: PASSWORD, ...answer })).rejects.toMatchObject({
      code: 'CARD_REVOKED',
    });
    expect(await deps.store.getCardPassword(cardId)).toBeNull();
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

  it('refuses an upgrade terminal outside a supported city, or in one whose sites all closed (UPGRADE_NOT_PERMITTED, city), leaving the code unspent', async () => {
    const elsewhere = await registerTerminal(h, ['upgrade'], '某地政务服务中心 (synthetic)', '999999');
    const code = await upgradeCode();
    expect(expectFailure(await upgradeAt(elsewhere, code))).toMatchObject({ code: 'UPGRADE_NOT_PERMITTED', reason: 'city' });

    const site = (await h.emulator.deps.store.listUpgradeSites('440100'))[0]!;
    await h.emulator.deps.store.putUpgradeSite({ ...site, status: 'closed' });
    expect(expectFailure(await upgradeAt(upgrader, code))).toMatchObject({ code: 'UPGRADE_NOT_PERMITTED', reason: 'city' });
    await h.emulator.deps.store.putUpgradeSite(site);
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
    expectOk(await withFace('reauth', {}));
    expectOk(await h.call('alice', { action: 'reportLost' }));
    expect(expectFailure(await h.call('alice', { action: 'presentUpgrade' })).code).toBe('CARD_SUSPENDED');
  });

  it('refuses a card that expired since its code was shown (CARD_EXPIRED), or was revoked since (CARD_REVOKED), writing nothing', async () => {
    // Shown in the last seconds of the card's validity, submitted just after them.
    const { expiresAt } = await cardOf();
    h.clock.advance(Date.parse(expiresAt) - h.clock.now().getTime() - 10_000);
    expectOk(await withFace('reauth', {}));
    const lastSeconds = await upgradeCode();
    h.clock.advance(20_000);
    expect(expectFailure(await upgradeAt(upgrader, lastSeconds)).code).toBe('CARD_EXPIRED');

    await enrolled(h, 'bob', 'ordinary', 1);
    const bobFace = async () => (await faceCheck(h, 'bob')).answer;
    expectOk(await h.call('bob', { action: 'setCardPassword', ...(await bobFace()), password: PASSWORD }));
    const bobCode = (expectOk(await h.call('bob', { action: 'presentUpgrade' })) as unknown as PresentationView).token;
    expectOk(await h.call('bob', { action: 'revoke', ...(await bobFace()) }));
    expect(expectFailure(await upgradeAt(upgrader, bobCode)).code).toBe('CARD_REVOKED');
    expect(h.rowCounts()).toMatchObject({ usages: 0, spent_tokens: 0 });
  });

  it('a code used once cannot upgrade twice, even when two terminals race', async () => {
    const code = await upgradeCode();
    const results = await Promise.all([upgradeAt(upgrader, code), upgradeAt(upgrader, code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await cardOf()).level).toBe('colour');
  });
});

describe('an upgrade is one step: the history shows an upgrade exactly when the card became colour (security review: an upgrade refused after its usage was recorded)', () => {
  beforeEach(async () => {
    expectOk(await withFace('setCardPassword', { password: PASSWORD }));
  });

  /** Upgrades with `meanwhile` run just before the use case's store calls `method`. */
  async function upgradeWithStepBefore(method: keyof Store, meanwhile: () => Promise<unknown>) {
    const code = await upgradeCode();
    const terminal = (await h.emulator.deps.store.getTerminal(upgrader.terminalId))!;
    const deps = { ...h.emulator.deps, store: withStepBefore(h.emulator.deps.store, method, meanwhile) };
    return upgradeCard(deps, terminal, { token: code, inPersonCheck: PASSED, password: PASSWORD });
  }

  /** The card as the store holds it, and the upgrades its history shows. */
  async function cardAndUpgrades() {
    const { cardId } = await cardOf();
    const held = (await h.emulator.deps.store.getHeldCard(cardId))!;
    const usages = await h.emulator.deps.store.listUsages(cardId, { limit: 10 });
    return { card: held.card, upgrades: usages.filter((u) => u.scene === 'upgrade') };
  }

  const reportLost = async () => expectOk(await h.call('alice', { action: 'reportLost' }));

  it('reported lost after the checks, before the code is spent: CARD_SUSPENDED, no upgrade in the history, still basic, the code unspent', async () => {
    await expect(upgradeWithStepBefore('recordVerification', reportLost)).rejects.toMatchObject({ code: 'CARD_SUSPENDED' });
    const { card, upgrades } = await cardAndUpgrades();
    expect(card).toMatchObject({ level: 'basic', status: 'suspended' });
    expect(upgrades).toEqual([]);
    expect(h.rowCounts().spent_tokens).toBe(0);
  });

  it('reported lost after the code is spent, before the level changes: no such moment any more, and the history matches the card', async () => {
    const outcome = await upgradeWithStepBefore('changeCard', reportLost).then(
      () => 'upgraded',
      (error: { code?: string }) => error.code,
    );
    const { card, upgrades } = await cardAndUpgrades();
    expect(upgrades).toHaveLength(card.level === 'colour' ? 1 : 0);
    expect(outcome).toBe(card.level === 'colour' ? 'upgraded' : 'CARD_SUSPENDED');
  });

  it('renewed after the checks: the colour card is signed over its new validity, not the one the checks read', async () => {
    const renewal = { issuedAt: h.clock.now(), expiresAt: new Date('2041-11-28T08:00:00Z') };
    const renew = async () => {
      const { card } = (await h.emulator.deps.store.getHeldCard((await cardOf()).cardId))!;
      const signed = h.emulator.deps.cardSigner.sign({ cardId: card.id, level: card.level, ...renewal });
      expect(await h.emulator.deps.store.changeCard(card.id, card, { status: 'active', renewal: { ...renewal, ...signed } })).toBe(true);
    };
    await upgradeWithStepBefore('recordVerification', renew);
    const { card, upgrades } = await cardAndUpgrades();
    expect(card).toMatchObject({ level: 'colour', expiresAt: renewal.expiresAt });
    expect(upgrades).toHaveLength(1);
    const claims = JSON.parse(Buffer.from(card.signature.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ lvl: 'colour', exp: renewal.expiresAt.getTime() / 1000 });
  });
});
