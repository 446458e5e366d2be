/**
 * Issuer key rotation on the emulator's composition with a frozen clock: a
 * new key signs from the rotation on; codes and cards of the old key verify
 * during the overlap and fail after it, when the old key has left the JWKS
 * (as the verifier function publishes it, action issuerKeys);
 * the development keys, rotated ones included, survive a restart; and
 * `npm run keys -- rotate` rotates a data folder. SYNTHETIC person.
 */
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { CardView, IssuerKeysView, PresentationView } from '../../core/api';
import { ISSUER_KEY_OVERLAP_DAYS } from '../../core/policy';
import { developmentKeys } from '../../server/adapters/keys/key-material';
import { CosePresentationSigner } from '../../server/adapters/keys/cose-presentation-signer';
import { signAdminAssertion } from '../../server/clients/assertions';
import { composeEmulator } from '../../server/emulator/compose';
import { createAdminFunction } from '../../server/functions/admin';
import { decodePresentation } from '../../server/token/presentation-token';
import { keysCommand } from '../../scripts/keys';
import { FrozenClock } from '../support/frozen-clock';
import { createHarness, expectFailure, expectOk, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal, verifyAs } from '../support/journeys';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const DAY = 24 * 60 * 60 * 1000;
const rotate = async () =>
  expectOk(await h.emulator.functions.admin({ action: 'rotateIssuerKey', assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()) }, {})) as unknown as {
    keyId: string;
    retiredKeyId: string;
    retireAt: string;
  };
const kids = () => h.emulator.issuer.jwks().keys.map((k) => k.kid).sort();
/** The issuer's keys as the verifier function publishes them (action issuerKeys), as a verifier would fetch them. */
const publishedKeys = async () => (expectOk(await h.emulator.functions.verifier({ action: 'issuerKeys' }, {})) as unknown as IssuerKeysView).keys;

/** Whether a card's issuer signature verifies with the published keys (its expiry aside: only the key is in question here). */
async function cardSignatureVerifies(card: CardView): Promise<boolean> {
  const jwk = (await publishedKeys()).find((key) => key.kid === card.keyId);
  if (!jwk) return false;
  try {
    jwt.verify(card.issuerSignature, createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }), { algorithms: ['ES256'], subject: card.cardId, ignoreExpiration: true });
    return true;
  } catch {
    return false;
  }
}

it('signs with the new key at once; a code of the old key verifies during the overlap; the old key leaves the JWKS after it', async () => {
  await enrolled(h, 'alice');
  const hotel = await registerTerminal(h, ['hotel']);
  const oldKey = h.emulator.issuer.current;
  const beforeRotation = await presentToken(h, 'alice', 'hotel');

  const cardOfOldKey = (expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: CardView }).card;
  expect(cardOfOldKey.keyId).toBe(oldKey.keyId);

  const rotated = await rotate();
  expect(rotated.retiredKeyId).toBe(oldKey.keyId);
  expect(Date.parse(rotated.retireAt) - h.clock.now().getTime()).toBe(ISSUER_KEY_OVERLAP_DAYS * DAY);
  expect(kids()).toEqual([oldKey.keyId, rotated.keyId].sort());
  expect((await publishedKeys()).map((k) => k.kid).sort()).toEqual(kids());
  await expect(cardSignatureVerifies(cardOfOldKey)).resolves.toBe(true);

  expectOk(await verifyAs(h, hotel, beforeRotation, 'hotel'));
  const afterRotation = (expectOk(await h.call('alice', { action: 'present', scene: 'hotel' })) as unknown as PresentationView).token;
  expect(decodePresentation(afterRotation)!.keyId).toBe(rotated.keyId);
  expectOk(await verifyAs(h, hotel, afterRotation, 'hotel'));

  // Past the overlap, whatever the old key signs (here a fresh-looking code) is refused: its key is unknown.
  h.clock.advance(Date.parse(rotated.retireAt) - h.clock.now().getTime() + 1000);
  expect(kids()).toEqual([rotated.keyId]);
  expect((await publishedKeys()).map((k) => k.kid)).toEqual([rotated.keyId]);
  await expect(cardSignatureVerifies(cardOfOldKey)).resolves.toBe(false);
  const card = expectOk(await h.call('alice', { action: 'getCard' })).card as { cardId: string };
  const tokenId = Buffer.from('rotation-old');
  const seconds = Math.floor(h.clock.now().getTime() / 1000);
  const forged = new CosePresentationSigner(oldKey).sign({
    tokenId,
    cardRef: h.emulator.deps.cardRefs.seal(card.cardId, tokenId),
    scene: 1,
    issuedAt: seconds,
    expiresAt: seconds + 60,
  });
  expect(expectFailure(await verifyAs(h, hotel, forged, 'hotel'))).toMatchObject({ code: 'CODE_INVALID', reason: 'signature' });
});

it('keeps the rotated development keys across a restart: the same current key, the old one still in its overlap', async () => {
  const rotated = await rotate();
  const clock = new FrozenClock(h.clock.now().toISOString());
  const restarted = composeEmulator({ dataDir: h.dataDir, log: { info: () => undefined, error: () => undefined }, clock });
  try {
    expect(restarted.issuer.current.keyId).toBe(rotated.keyId);
    expect(restarted.issuer.jwks().keys.map((k) => k.kid).sort()).toEqual([rotated.keyId, rotated.retiredKeyId].sort());
    clock.advance(ISSUER_KEY_OVERLAP_DAYS * DAY + 1000);
    expect(restarted.issuer.jwks().keys.map((k) => k.kid)).toEqual([rotated.keyId]);
  } finally {
    await restarted.close();
  }
});

it('reads a data folder whose retiring keys were written in the earlier format ({jwk, retireAt} entries), and keeps their overlap', async () => {
  const rotated = await rotate();
  const file = join(h.dataDir, 'keys', 'issuer-retiring.json');
  const { keys } = JSON.parse(readFileSync(file, 'utf8')) as { keys: Array<Record<string, unknown> & { retireAt: string }> };
  writeFileSync(file, JSON.stringify({ keys: keys.map(({ retireAt, kid: _kid, alg: _alg, use: _use, ...jwk }) => ({ jwk, retireAt })) }));
  const clock = new FrozenClock(h.clock.now().toISOString());
  const restarted = composeEmulator({ dataDir: h.dataDir, log: { info: () => undefined, error: () => undefined }, clock });
  try {
    expect(restarted.issuer.jwks().keys.map((k) => k.kid).sort()).toEqual([rotated.keyId, rotated.retiredKeyId].sort());
    clock.advance(Date.parse(rotated.retireAt) - clock.now().getTime());
    expect(restarted.issuer.jwks().keys.map((k) => k.kid)).toEqual([rotated.keyId]);
  } finally {
    await restarted.close();
  }
});

it('npm run keys -- rotate rotates a data folder’s development key, and refuses a folder without keys', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-keys-'));
  try {
    expect(keysCommand(['rotate', '--data-dir', dataDir], {}).exitCode).toBe(2);
    const before = developmentKeys(dataDir).issuer.current.keyId;
    const out = keysCommand(['rotate', '--data-dir', dataDir], {});
    expect(out.exitCode).toBe(0);
    const after = developmentKeys(dataDir).issuer;
    expect(after.current.keyId).not.toBe(before);
    expect(out.stdout.join('\n')).toContain(`${before} -> ${after.current.keyId}`);
    expect(after.jwks().keys.map((k) => k.kid).sort()).toEqual([before, after.current.keyId].sort());
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('a deployment, whose keys come from its key service, answers the rotation action not_configured (it rolls with npm run keys -- roll-issuer)', async () => {
  const deployedAdmin = createAdminFunction(h.emulator.deps, h.emulator.adminKey, { info: () => undefined, error: () => undefined });
  const answer = await deployedAdmin({ action: 'rotateIssuerKey', assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()) }, {});
  expect(expectFailure(answer)).toMatchObject({ code: 'INTERNAL', reason: 'not_configured' });
});
