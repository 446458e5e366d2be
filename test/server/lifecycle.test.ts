/**
 * The card's life through the citizen function, on real SQLite with a frozen
 * clock: report lost, reinstate after a face check, renewal in its window,
 * revocation and a new enrollment. SYNTHETIC people.
 */
import type { CardView } from '../../core/api';
import { RENEWAL_WINDOW_DAYS } from '../../core/policy';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { attemptEnroll, enrolled, presentToken, registerTerminal, verifyAs } from '../support/journeys';
import { typed } from '../support/people';
import { approvedTile, codeFor, exchange, onboardedPartner } from '../support/services';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const DAY = 24 * 60 * 60 * 1000;

async function cardOf(openid: string): Promise<CardView | null> {
  return (expectOk(await h.call(openid, { action: 'getCard' })) as unknown as { card: CardView | null }).card;
}

/** A lifecycle action carrying a fresh face check of `openid`. */
async function withFace(openid: string, action: string, overrides: Record<string, unknown> = {}) {
  const { answer } = await faceCheck(h, openid);
  return h.call(openid, { action, ...answer, ...overrides });
}

describe('report lost', () => {
  it('refuses the code that was on screen when the card was reported lost, and no new code can be shown', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const onScreen = await presentToken(h, 'alice', 'hotel');

    const { card } = expectOk(await h.call('alice', { action: 'reportLost' })) as unknown as { card: CardView };
    expect(card.status).toBe('suspended');

    expect(expectFailure(await verifyAs(h, hotel, onScreen, 'hotel')).code).toBe('CARD_SUSPENDED');
    expect(expectFailure(await h.call('alice', { action: 'present', scene: 'hotel' })).code).toBe('CARD_SUSPENDED');
    expect((await cardOf('alice'))?.status).toBe('suspended');
    expect(h.rowCounts().usages).toBe(0);
  });

  it('stops a partner code that was already issued from being exchanged', async () => {
    await enrolled(h, 'alice');
    const partner = await onboardedPartner(h);
    const tileId = await approvedTile(h, partner);
    const code = await codeFor(h, 'alice', tileId);
    expectOk(await h.call('alice', { action: 'reportLost' }));
    expect(expectFailure(await exchange(h, partner, code)).code).toBe('CARD_SUSPENDED');
  });

  it('refuses a second report with CARD_ALREADY_SUSPENDED, and a caller with no card with CARD_NOT_FOUND', async () => {
    await enrolled(h, 'alice');
    expectOk(await h.call('alice', { action: 'reportLost' }));
    expect(expectFailure(await h.call('alice', { action: 'reportLost' }))).toMatchObject({ code: 'CARD_ALREADY_SUSPENDED', reason: 'report_lost' });
    expect(expectFailure(await h.call('nobody', { action: 'reportLost' })).code).toBe('CARD_NOT_FOUND');
  });

  it('lets exactly one of 10 concurrent reports win; the others are told the card is already suspended', async () => {
    await enrolled(h, 'alice');
    const results = await Promise.all(Array.from({ length: 10 }, () => h.call('alice', { action: 'reportLost' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(9).fill('CARD_ALREADY_SUSPENDED'));
  });
});

describe('reinstate', () => {
  it('needs a fresh face check of the holder; then codes can be shown and verify again', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    expectOk(await h.call('alice', { action: 'reportLost' }));

    expect(expectFailure(await withFace('alice', 'reinstate', { faceCapture: 'a-real-photo' })).code).toBe('FACE_MISMATCH');
    expect((await cardOf('alice'))?.status).toBe('suspended');

    const { card } = expectOk(await withFace('alice', 'reinstate')) as unknown as { card: CardView };
    expect(card.status).toBe('active');
    expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', 'hotel'), 'hotel'));
  });

  it('refuses an active card with CARD_NOT_SUSPENDED before spending a face attempt', async () => {
    await enrolled(h, 'alice');
    const { answer } = await faceCheck(h, 'alice');
    expect(expectFailure(await h.call('alice', { action: 'reinstate', ...answer }))).toMatchObject({ code: 'CARD_NOT_SUSPENDED', reason: 'reinstate' });
    // The session's attempt was not spent: the same answer still passes a re-check.
    expectOk(await h.call('alice', { action: 'reauth', ...answer }));
  });

  it('refuses a suspended card past its validity with CARD_EXPIRED', async () => {
    await enrolled(h, 'alice');
    expectOk(await h.call('alice', { action: 'reportLost' }));
    const card = await cardOf('alice');
    h.clock.advance(Date.parse(card!.expiresAt) - h.clock.now().getTime());
    expect(expectFailure(await withFace('alice', 'reinstate')).code).toBe('CARD_EXPIRED');
  });
});

describe('renew', () => {
  it(`opens ${RENEWAL_WINDOW_DAYS} days before expiry: refused the day before, then a new validity and signature, same id and level`, async () => {
    await enrolled(h, 'alice');
    const before = (await cardOf('alice'))!;
    const opens = Date.parse(before.expiresAt) - RENEWAL_WINDOW_DAYS * DAY;

    h.clock.advance(opens - DAY - h.clock.now().getTime());
    const early = expectFailure(await withFace('alice', 'renew'));
    expect(early).toMatchObject({ code: 'RENEWAL_NOT_OPEN', reason: 'renew', details: { opensAt: new Date(opens).toISOString() } });

    h.clock.advance(DAY);
    const { card } = expectOk(await withFace('alice', 'renew')) as unknown as { card: CardView };
    expect(card).toMatchObject({ cardId: before.cardId, level: before.level, status: 'active', issuedAt: h.clock.now().toISOString() });
    expect(Date.parse(card.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
    expect(card.issuerSignature).not.toBe(before.issuerSignature);
    expect(await cardOf('alice')).toEqual(card);

    // Renewed today, the window is closed again.
    expect(expectFailure(await withFace('alice', 'renew')).code).toBe('RENEWAL_NOT_OPEN');
  });

  it('refuses a suspended card (CARD_SUSPENDED) in the window, and renews it once expired after the same face check reinstating needs', async () => {
    await enrolled(h, 'alice');
    const card = (await cardOf('alice'))!;
    h.clock.advance(Date.parse(card.expiresAt) - RENEWAL_WINDOW_DAYS * DAY + DAY - h.clock.now().getTime());
    expectOk(await h.call('alice', { action: 'reportLost' }));
    expect(expectFailure(await withFace('alice', 'renew')).code).toBe('CARD_SUSPENDED');
    h.clock.advance(RENEWAL_WINDOW_DAYS * DAY);
    expect(expectFailure(await h.call('alice', { action: 'present', scene: 'hotel' })).code).toBe('CARD_EXPIRED');
    const { card: renewed } = expectOk(await withFace('alice', 'renew')) as unknown as { card: CardView };
    expect(renewed).toMatchObject({ cardId: card.cardId, level: card.level, status: 'active' });
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(h.clock.now().getTime());
  });

  it('renews a card that expired unnoticed: the window does not close at expiry', async () => {
    await enrolled(h, 'alice');
    const card = (await cardOf('alice'))!;
    h.clock.advance(Date.parse(card.expiresAt) + 30 * DAY - h.clock.now().getTime());
    expect(expectFailure(await h.call('alice', { action: 'reportLost' })).code).toBe('CARD_EXPIRED');
    const { card: renewed } = expectOk(await withFace('alice', 'renew')) as unknown as { card: CardView };
    expect(renewed).toMatchObject({ cardId: card.cardId, status: 'active' });
    expect(await presentToken(h, 'alice', 'hotel')).toMatch(/^EID2:/);
  });
});

describe('expiry', () => {
  it('refuses at the counter, with CARD_EXPIRED, a code shown just before the card expired', async () => {
    await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const card = (await cardOf('alice'))!;
    h.clock.advance(Date.parse(card.expiresAt) - 1000 - h.clock.now().getTime());
    expectOk(await withFace('alice', 'reauth'));
    const onScreen = await presentToken(h, 'alice', 'hotel');
    h.clock.advance(2000);
    expect(expectFailure(await verifyAs(h, hotel, onScreen, 'hotel'))).toMatchObject({ code: 'CARD_EXPIRED' });
    expect(h.rowCounts().usages).toBe(0);
  });
});

describe('revoke', () => {
  it('needs a face check, is final, empties the card package and lets the person enroll again', async () => {
    const person = await enrolled(h, 'alice');
    const hotel = await registerTerminal(h, ['hotel']);
    const onScreen = await presentToken(h, 'alice', 'hotel');

    expect(expectFailure(await withFace('alice', 'revoke', { faceCapture: 'a-real-photo' })).code).toBe('FACE_MISMATCH');
    const revoked = expectOk(await withFace('alice', 'revoke'));
    expect(revoked.revokedAt).toBe(h.clock.now().toISOString());

    expect(await cardOf('alice')).toBeNull();
    expect(expectFailure(await verifyAs(h, hotel, onScreen, 'hotel')).code).toBe('CARD_REVOKED');
    expect(expectFailure(await h.call('alice', { action: 'reportLost' })).code).toBe('CARD_NOT_FOUND');

    expectOk(await attemptEnroll(h, 'alice', typed(person)));
    expect((await cardOf('alice'))?.status).toBe('active');
  });

  it('revokes a suspended card too', async () => {
    await enrolled(h, 'alice');
    expectOk(await h.call('alice', { action: 'reportLost' }));
    expectOk(await withFace('alice', 'revoke'));
    expect(await cardOf('alice')).toBeNull();
  });
});
