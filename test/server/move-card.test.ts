/**
 * Moving a card to another account, as a new user would meet it: enrolling an
 * identity whose card lives in another account is refused (CARD_EXISTS by
 * id_number), the move after a fresh face check ends the old account's card
 * (its codes stop verifying), gives this account a card of the same level, and
 * the old account sees why. Rate-limited and recorded. SYNTHETIC people.
 */
import type { CardView, PresentationView } from '../../core/api';
import { CARD_MOVE_LIMIT } from '../../core/policy';
import { withTerminalAssertion } from '../../server/clients/assertions';
import { moveCard } from '../../server/domain/move-card';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { attemptEnroll, enrolled, presentToken, registerTerminal, registerUpgradeTerminal, verifyAs } from '../support/journeys';
import { personFor, typed } from '../support/people';
import { withStepBefore } from '../support/step-between';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

async function move(openid: string, person: { name: string; idNumber: string }, overrides: Record<string, unknown> = {}) {
  const { answer } = await faceCheck(h, openid);
  return h.call(openid, { action: 'moveCard', ...typed(person as never), consent: true, ...answer, ...overrides });
}

const getCard = async (openid: string) => expectOk(await h.call(openid, { action: 'getCard' })) as unknown as { card: CardView | null; ended?: { reason: string; at: string } };

it('moves the card: the old account’s codes stop verifying, the new one has a card of the same level, the old one sees why', async () => {
  const person = await enrolled(h, 'old-phone');
  const hotel = await registerTerminal(h, ['hotel']);
  const onOldPhone = await presentToken(h, 'old-phone', 'hotel');

  expect(expectFailure(await attemptEnroll(h, 'new-phone', typed(person)))).toMatchObject({ code: 'CARD_EXISTS', reason: 'id_number' });
  const { card } = expectOk(await move('new-phone', person)) as unknown as { card: CardView };
  expect(card).toMatchObject({ level: 'basic', status: 'active' });

  expect((await getCard('new-phone')).card?.cardId).toBe(card.cardId);
  expect(await getCard('old-phone')).toMatchObject({ card: null, ended: { reason: 'moved', at: h.clock.now().toISOString() } });
  expect(expectFailure(await verifyAs(h, hotel, onOldPhone, 'hotel')).code).toBe('CARD_REVOKED');
  expectOk(await verifyAs(h, hotel, await presentToken(h, 'new-phone', 'hotel'), 'hotel'));
});

it('needs the person’s own face: another face is refused and nothing moves', async () => {
  const person = await enrolled(h, 'old-phone');
  expect(expectFailure(await move('new-phone', person, { faceCapture: 'a-real-photo' })).code).toBe('FACE_MISMATCH');
  expect((await getCard('old-phone')).card?.status).toBe('active');
  expect((await getCard('new-phone')).card).toBeNull();
});

it('moves a card reported lost (the usual reason), and refuses where there is nothing to move', async () => {
  const person = await enrolled(h, 'old-phone');
  expectOk(await h.call('old-phone', { action: 'reportLost' }));
  expectOk(await move('new-phone', person));
  expect((await getCard('new-phone')).card?.status).toBe('active');
  expect(expectFailure(await move('new-phone', person)).code).toBe('MOVE_NOT_NEEDED');
  expect(expectFailure(await move('third-phone', personFor('ordinary', 1))).code).toBe('CARD_NOT_FOUND');
});

it('moves an expired card, whose old account could renew it but is gone: the new card is valid from today', async () => {
  const person = await enrolled(h, 'old-phone');
  const old = (await getCard('old-phone')).card!;
  h.clock.advance(Date.parse(old.expiresAt) + 10 * 24 * 60 * 60 * 1000 - h.clock.now().getTime());
  expect(expectFailure(await attemptEnroll(h, 'new-phone', typed(person)))).toMatchObject({ code: 'CARD_EXISTS', reason: 'id_number' });
  const { card } = expectOk(await move('new-phone', person)) as unknown as { card: CardView };
  expect(card).toMatchObject({ status: 'active', level: old.level });
  expect(Date.parse(card.expiresAt)).toBeGreaterThan(h.clock.now().getTime());
});

it(`allows at most ${CARD_MOVE_LIMIT} moves of one person's card in the window`, async () => {
  const person = await enrolled(h, 'phone-0');
  for (let n = 1; n <= CARD_MOVE_LIMIT; n++) expectOk(await move(`phone-${n}`, person));
  expect(expectFailure(await move(`phone-${CARD_MOVE_LIMIT + 1}`, person)).code).toBe('MOVE_LIMITED');
  expect(h.rowCounts().card_moves).toBe(CARD_MOVE_LIMIT);
});

describe('the old card changes between the move’s check and its store step', () => {
  /** Moves `person`'s card to new-phone through the use case, with `meanwhile` run once, just before the first store step of the move. */
  async function moveWithStepBefore(person: { name: string; idNumber: string }, meanwhile: () => Promise<unknown>) {
    let steps = 0;
    const once = async () => (steps++ === 0 ? meanwhile() : undefined);
    const deps = { ...h.emulator.deps, store: withStepBefore(h.emulator.deps.store, 'moveCard', once) };
    const { answer } = await faceCheck(h, 'new-phone');
    const moved = moveCard(deps, 'new-phone', { ...typed(person as never), consent: true, ...answer });
    return { moved, steps: () => steps };
  }

  it('upgraded meanwhile: the move decides again on the colour card, and the new card is colour (it answered INTERNAL before)', async () => {
    const person = await enrolled(h, 'old-phone');
    const terminal = await registerUpgradeTerminal(h);
    const password = '73920561';
    const { answer } = await faceCheck(h, 'old-phone');
    expectOk(await h.call('old-phone', { action: 'setCardPassword', ...answer, password }));
    const token = (expectOk(await h.call('old-phone', { action: 'presentUpgrade' })) as unknown as PresentationView).token;
    const upgrade = withTerminalAssertion(terminal, h.clock.now(), { action: 'upgrade', token, password, inPersonCheck: { idCardRead: true, faceMatch: true } });

    const { moved, steps } = await moveWithStepBefore(person, async () => expectOk(await h.emulator.functions.verifier(upgrade, {})));
    const card = await moved;
    expect(card).toMatchObject({ level: 'colour', status: 'active' });
    // Signed as colour, not the basic level the first decision read.
    expect(JSON.parse(Buffer.from(card.issuerSignature.split('.')[1]!, 'base64url').toString('utf8'))).toMatchObject({ sub: card.cardId, lvl: 'colour' });
    expect(steps()).toBe(2);
    expect((await getCard('new-phone')).card?.level).toBe('colour');
    expect(await getCard('old-phone')).toMatchObject({ card: null, ended: { reason: 'moved' } });
    expect(h.rowCounts().card_moves).toBe(1);
  });

  it('revoked meanwhile: CARD_REVOKED, as the state machine refuses a move of a revoked card, and nothing is written', async () => {
    const person = await enrolled(h, 'old-phone');
    const { answer } = await faceCheck(h, 'old-phone');
    const { moved } = await moveWithStepBefore(person, async () => expectOk(await h.call('old-phone', { action: 'revoke', ...answer })));
    await expect(moved).rejects.toMatchObject({ code: 'CARD_REVOKED' });
    expect((await getCard('new-phone')).card).toBeNull();
    expect(h.rowCounts().card_moves).toBe(0);
  });
});
