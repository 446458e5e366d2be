/** Presenting: the QR token needs a fresh face check, an active card and a presentable scene, and carries no personal data. */
import { qrVersion } from '../../bench/qr-version';
import type { PresentationView } from '../../core/api';
import { REAUTH_VALID_SECONDS } from '../../core/policy';
import { PRESENTABLE_SCENES } from '../../core/scenes';
import { base45Decode } from '../../server/token/base45';
import { decodePresentation, TOKEN_PREFIX } from '../../server/token/presentation-token';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, presentToken } from '../support/journeys';
import { changeStatus } from '../support/card-status';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

describe('present', () => {
  it('gives a scene-bound token valid for 60 s with no personal data in it', async () => {
    const person = await enrolled(h, 'alice');
    const view = expectOk(await h.call('alice', { action: 'present', scene: 'hotel' })) as unknown as PresentationView;
    expect(view.scene).toBe('hotel');
    expect(Date.parse(view.expiresAt) - Date.parse(view.issuedAt)).toBe(60_000);
    expect(view.token.startsWith(TOKEN_PREFIX)).toBe(true);

    const decoded = decodePresentation(view.token)!;
    expect(decoded.claims.scene).toBe(1);
    expect(decoded.keyId).toBe(h.emulator.issuer.current.keyId);
    const raw = Buffer.from(base45Decode(view.token.slice(TOKEN_PREFIX.length))!);
    for (const secret of [person.idNumber, person.name, person.idNumber.slice(6, 14)]) {
      expect(raw.includes(Buffer.from(secret))).toBe(false);
      expect(view.token).not.toContain(secret);
    }
  });

  it.each(PRESENTABLE_SCENES)('fits a QR code of version ≤ 10 at error correction M (%s)', async (scene) => {
    await enrolled(h, 'alice');
    const token = await presentToken(h, 'alice', scene);
    expect(qrVersion(token)).toBeLessThanOrEqual(10);
  });

  it('gives unlinkable card references: two codes of one card share no reference bytes', async () => {
    await enrolled(h, 'alice');
    const a = decodePresentation(await presentToken(h, 'alice', 'age_check'))!;
    const b = decodePresentation(await presentToken(h, 'alice', 'age_check'))!;
    expect(Buffer.from(a.claims.cardRef).equals(Buffer.from(b.claims.cardRef))).toBe(false);
    expect(Buffer.from(a.claims.tokenId).equals(Buffer.from(b.claims.tokenId))).toBe(false);
  });

  it('needs a face check no older than 5 minutes, and a re-check restores it', async () => {
    await enrolled(h, 'alice');
    h.clock.advance(REAUTH_VALID_SECONDS * 1000 + 1000);
    expect(expectFailure(await h.call('alice', { action: 'present', scene: 'hotel' })).code).toBe('REAUTH_REQUIRED');

    const { answer } = await faceCheck(h, 'alice');
    const reauth = expectOk(await h.call('alice', { action: 'reauth', ...answer }));
    expect(reauth.validUntil).toBe(new Date(h.clock.now().getTime() + REAUTH_VALID_SECONDS * 1000).toISOString());
    expectOk(await h.call('alice', { action: 'present', scene: 'hotel' }));
  });

  it('re-checks the face against the enrolled identity, not against anything the caller sends', async () => {
    await enrolled(h, 'alice', 'ordinary');
    const { answer } = await faceCheck(h, 'alice');
    const failure = expectFailure(await h.call('alice', { action: 'reauth', ...answer, faceCapture: 'a-real-photo' }));
    expect(failure.code).toBe('FACE_MISMATCH');
  });

  it('refuses a scene that is not shown at a counter, a caller without a card, and a suspended card', async () => {
    expect(expectFailure(await h.call('nobody', { action: 'present', scene: 'hotel' })).code).toBe('CARD_NOT_FOUND');
    await enrolled(h, 'alice');
    expect(expectFailure(await h.call('alice', { action: 'present', scene: 'gov_online' })).code).toBe('SCENE_NOT_ALLOWED');
    const { card } = expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: { cardId: string } };
    await changeStatus(h.emulator.deps.store, card.cardId, 'suspended', h.clock.now());
    expect(expectFailure(await h.call('alice', { action: 'present', scene: 'hotel' })).code).toBe('CARD_SUSPENDED');
  });

  it('refuses an unknown scene as invalid input', async () => {
    await enrolled(h, 'alice');
    expect(expectFailure(await h.call('alice', { action: 'present', scene: 'casino' })).code).toBe('INVALID_INPUT');
  });
});
