/**
 * Regression (security review): a renewal racing a colour upgrade left a card
 * whose issuer signature did not match it. The compare-and-set ignored the
 * level, and each use case signed once, before its retries; so a renewal
 * written after an upgrade put a signature over lvl=basic on a colour card,
 * and an upgrade retried after a renewal put back a signature over the old
 * validity. Each race is played for real: the use case runs on a store that
 * lets the other transition finish just before its own changeCard.
 * On real SQLite with a frozen clock. SYNTHETIC people.
 */
import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { CardView, PresentationView, Result, UpgradeView } from '../../core/api';
import { RENEWAL_WINDOW_DAYS } from '../../core/policy';
import { withTerminalAssertion, type TerminalCredential } from '../../server/clients/assertions';
import type { Deps } from '../../server/domain/deps';
import { renewCard } from '../../server/domain/renew-card';
import { upgradeCard } from '../../server/domain/upgrade-card';
import { createHarness, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, registerUpgradeTerminal } from '../support/journeys';

let h: Harness;
let upgrader: TerminalCredential;
const PASSWORD = '73920561';
const PASSED = { idCardRead: true, faceMatch: true };
const DAY = 24 * 60 * 60 * 1000;

beforeEach(async () => {
  h = createHarness();
  await enrolled(h, 'alice');
  upgrader = await registerUpgradeTerminal(h);
  const { answer } = await faceCheck(h, 'alice');
  expectOk(await h.call('alice', { action: 'setCardPassword', ...answer, password: PASSWORD }));
  // Into the renewal window, where both transitions are open.
  const { expiresAt } = await cardOf();
  h.clock.advance(Date.parse(expiresAt) - RENEWAL_WINDOW_DAYS * DAY + DAY - h.clock.now().getTime());
});
afterEach(() => h.close());

async function cardOf(): Promise<CardView> {
  return (expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: CardView }).card;
}

async function faceAnswer() {
  return (await faceCheck(h, 'alice')).answer;
}

/** A fresh upgrade code: presenting one needs a recent face check. */
async function upgradeCode(): Promise<string> {
  expectOk(await h.call('alice', { action: 'reauth', ...(await faceAnswer()) }));
  return (expectOk(await h.call('alice', { action: 'presentUpgrade' })) as unknown as PresentationView).token;
}

function upgradeAt(token: string) {
  const request = withTerminalAssertion(upgrader, h.clock.now(), { action: 'upgrade', token, inPersonCheck: PASSED, password: PASSWORD });
  return h.emulator.functions.verifier(request, {}) as Promise<Result<UpgradeView>>;
}

async function renewViaCitizen(): Promise<void> {
  expectOk(await h.call('alice', { action: 'renew', ...(await faceAnswer()) }));
}

/** The emulator's deps, on a store whose first call of `method` (the use case's write) lets `meanwhile` finish first. */
function depsWhere(method: 'changeCard' | 'recordVerification', meanwhile: () => Promise<unknown>): Deps {
  const store = h.emulator.deps.store;
  let raced = false;
  const write = async (...args: unknown[]) => {
    if (!raced) {
      raced = true;
      await meanwhile();
    }
    return (store[method] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
  };
  const racing = new Proxy(store, {
    get: (target, name) => (name === method ? write : (Reflect.get(target, name) as unknown)),
  });
  return { ...h.emulator.deps, store: racing };
}

/** The card's issuer signature verifies under its key, over exactly the claims the card shows. */
function expectSignatureMatches(card: CardView): void {
  const jwk = h.emulator.issuer.jwks().keys.find((k) => k.kid === card.keyId);
  const key = createPublicKey({ key: jwk!, format: 'jwk' });
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const claims = jwt.verify(card.issuerSignature, key, { algorithms: ['ES256'], clockTimestamp: seconds(card.issuedAt) });
  expect(claims).toMatchObject({ sub: card.cardId, lvl: card.level, iat: seconds(card.issuedAt), exp: seconds(card.expiresAt) });
}

it('a renewal decided on the basic card, written after an upgrade, keeps the card colour and signs colour over its new validity', async () => {
  const before = await cardOf();
  const code = await upgradeCode();
  const deps = depsWhere('changeCard', async () => expectOk(await upgradeAt(code)));

  const renewed = await renewCard(deps, 'alice', await faceAnswer());

  const after = await cardOf();
  expect(after).toMatchObject({ level: 'colour', issuedAt: h.clock.now().toISOString() });
  expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
  expectSignatureMatches(after);
  expect(renewed).toEqual(after);
});

it('an upgrade whose card was renewed before its store step signs colour over the renewed validity', async () => {
  const before = await cardOf();
  const code = await upgradeCode();
  const terminal = (await h.emulator.deps.store.getTerminal(upgrader.terminalId))!;
  const deps = depsWhere('recordVerification', renewViaCitizen);

  await upgradeCard(deps, terminal, { token: code, inPersonCheck: PASSED, password: PASSWORD });

  const after = await cardOf();
  expect(after).toMatchObject({ level: 'colour', issuedAt: h.clock.now().toISOString() });
  expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
  expectSignatureMatches(after);
});
