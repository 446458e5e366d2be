/**
 * @jest-environment jsdom
 *
 * The card management subpackage (journey 6) on the BUILT weapp (dist/weapp)
 * in miniprogram-simulate: the card's state and validity in words; report
 * lost, said before it is done, busy while it runs; reinstate, renew and
 * revoke, each with its own face check inside the page; a refusal and a
 * failed face check in words, the code only in the support line. Cloud calls
 * are answered here by a small fake of the citizen function holding one
 * SYNTHETIC masked card.
 */
import type { CardView } from '../../core/api';
import { renewalOpensAt } from '../../core/card';
import { failure } from '../../core/failure';
import { RENEWAL_WINDOW_DAYS } from '../../core/policy';
import { cardDate } from '../../src/display/dates';
import { errorTitle, translator } from '../../src/i18n/translate';
import { faceChallenge, syntheticCard } from './support/fixtures';
import { FakeCloud } from './support/fake-cloud';
import { answerChallenge, openReady, textOf, until } from './support/journeys';
import { loadWeapp, routeOf, type Weapp } from './support/load-weapp';

const MANAGE = 'pages/manage/index';
const t = translator('zh');
const DAY_MS = 24 * 60 * 60 * 1000;

const CHALLENGE = faceChallenge({ sessionId: 'face-session-manage' });

/** The masked card of the synthetic 李明华, expiring `days` from now (the page reads the device clock for the renewal window). */
function cardExpiringIn(days: number, status: CardView['status'] = 'active'): CardView {
  const now = Date.now();
  return syntheticCard({ cardId: 'card-synthetic-manage', status, issuedAt: new Date(now - 400 * DAY_MS).toISOString(), expiresAt: new Date(now + days * DAY_MS).toISOString() });
}

let weapp: Weapp;
let card: CardView | null;
let cloud: FakeCloud;

beforeAll(() => {
  weapp = loadWeapp();
  cloud = new FakeCloud(weapp, (event) => {
    switch (event.action) {
      case 'getCard':
        return { ok: true, card };
      case 'startFace':
        return { ok: true, ...CHALLENGE };
      case 'reportLost':
        card = { ...card!, status: 'suspended' };
        return { ok: true, card };
      case 'reinstate':
        card = { ...card!, status: 'active' };
        return { ok: true, card };
      case 'renew':
        card = { ...card!, issuedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 5 * 365 * DAY_MS).toISOString() };
        return { ok: true, card };
      case 'revoke':
        card = null;
        return { ok: true, revokedAt: new Date().toISOString() };
    }
    return failure('INTERNAL');
  });
});

beforeEach(() => {
  cloud.reset();
  card = cardExpiringIn(4 * 365);
});

afterEach(() => weapp.closeAll());

const openManage = () => openReady(weapp, MANAGE, '#manage-status');

it('card management is a subpackage of its own', () => {
  expect(weapp.appJson.subPackages).toContainEqual({ root: 'pages/manage', pages: ['index'] });
});

it('says the card’s state and validity in words, when renewal opens, and names each step for a screen reader', async () => {
  const page = await openManage();
  expect(weapp.calls('setNavigationBarTitle').map((call) => call.options.title)).toContain(t('title.manage'));
  expect(textOf(page, '#manage-status')).toBe(t('manage.status', { status: t('card.status.active') }));
  expect(page.text()).toContain(t('manage.validUntil', { date: cardDate(card!.expiresAt) }));
  const opens = renewalOpensAt(new Date(card!.expiresAt), RENEWAL_WINDOW_DAYS);
  expect(textOf(page, '#manage-renew-opens')).toBe(t('manage.renewOpens', { date: cardDate(opens.toISOString()) }));
  expect(page.find('#manage-renew')).toBeUndefined();
  expect(page.find('#manage-reinstate')).toBeUndefined();
  expect(page.attr('#manage-report-lost', 'ariaLabel')).toBe(t('manage.reportLost'));
  expect(page.attr('#manage-revoke', 'ariaLabel')).toBe(t('manage.revoke'));
  expect(page.attr('#manage-report-lost', 'disabled')).toBe(false);
  expect(cloud.calls.map((call) => `${call.name}.${call.action}`)).toEqual(['citizen.getCard']);
});

it('report lost: said before it is done, busy while it runs, then the card is suspended and reinstating is what is offered', async () => {
  const page = await openManage();
  await page.tap('#manage-report-lost');
  expect(page.get('#manage-confirm-lost').dom?.textContent).toContain(t('manage.reportLostHint'));
  expect(cloud.sent('reportLost')).toEqual([]);

  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  cloud.answers.set('reportLost', async () => {
    await held;
    card = { ...card!, status: 'suspended' };
    return { ok: true, card };
  });
  await page.tap('#manage-report-lost-confirm');
  expect(page.attr('#manage-report-lost-confirm', 'disabled')).toBe(true);
  expect(textOf(page, '#manage-report-lost-confirm')).toBe(t('common.busy'));
  expect(page.attr('#manage-report-lost-confirm', 'ariaLabel')).toBe(t('common.busy'));
  expect(page.find('#manage-menu')).toBeUndefined(); // no way back to the menu while it runs

  release();
  await until(page, '#manage-done');
  expect(page.get('#manage-done').dom?.textContent).toContain(t('manage.reportLostDone'));
  expect(page.text()).toContain(t('manage.reportLostDoneHint'));
  expect(cloud.sent('reportLost')).toEqual([{ name: 'citizen', action: 'reportLost' }]);

  await page.tap('#manage-menu');
  expect(textOf(page, '#manage-status')).toBe(t('manage.status', { status: t('card.status.suspended') }));
  expect(page.text()).toContain(t('manage.suspendedHint'));
  expect(page.find('#manage-reinstate')).toBeDefined();
  expect(page.find('#manage-report-lost')).toBeUndefined();
  expect(page.find('#manage-renew-opens')).toBeUndefined();
});

it('reinstate: a face check inside the page, sent with the reinstate action itself, and the card is active again', async () => {
  card = cardExpiringIn(4 * 365, 'suspended');
  const page = await openManage();
  await page.tap('#manage-reinstate');
  await until(page, '#reauth-why');
  expect(textOf(page, '#reauth-why')).toBe(t('reauth.whyReinstate'));
  await answerChallenge(page, CHALLENGE);
  await until(page, '#manage-done');
  expect(page.get('#manage-done').dom?.textContent).toContain(t('manage.reinstateDone'));
  expect(cloud.sent('reinstate')).toEqual([
    {
      name: 'citizen',
      action: 'reinstate',
      faceSessionId: CHALLENGE.sessionId,
      liveness: { actions: CHALLENGE.actions, digits: CHALLENGE.digits },
      faceCapture: expect.any(String),
    },
  ]);
  expect(cloud.sent('reauth')).toEqual([]); // the face check travels with the action, not before it

  await page.tap('#manage-menu');
  expect(textOf(page, '#manage-status')).toBe(t('manage.status', { status: t('card.status.active') }));
});

it('renew in the card’s last 90 days: offered, a face check, then the new validity is said', async () => {
  card = cardExpiringIn(30);
  const page = await openManage();
  expect(page.find('#manage-renew-opens')).toBeUndefined();
  expect(page.attr('#manage-renew', 'ariaLabel')).toBe(t('manage.renew'));
  await page.tap('#manage-renew');
  await until(page, '#reauth-why');
  expect(textOf(page, '#reauth-why')).toBe(t('reauth.whyRenew'));
  await answerChallenge(page, CHALLENGE);
  await until(page, '#manage-done');
  expect(cloud.sent('renew')).toHaveLength(1);
  expect(page.get('#manage-done').dom?.textContent).toContain(t('manage.renewDone', { date: cardDate(card!.expiresAt) }));
});

it('revoke: what it deletes is said first, then a face check; afterwards there is no card and the way out is back to the card package', async () => {
  const page = await openManage();
  await page.tap('#manage-revoke');
  expect(page.get('#manage-confirm-revoke').dom?.textContent).toContain(t('manage.revokeHint'));
  expect(cloud.sent('revoke')).toEqual([]);
  await page.tap('#manage-revoke-confirm');
  await until(page, '#reauth-why');
  expect(textOf(page, '#reauth-why')).toBe(t('reauth.whyRevoke'));
  await answerChallenge(page, CHALLENGE);
  await until(page, '#manage-done');
  expect(page.get('#manage-done').dom?.textContent).toContain(t('manage.revokeDone'));
  expect(page.text()).toContain(t('manage.revokeDoneHint'));
  expect(cloud.sent('revoke')).toHaveLength(1);
  await page.settle();
  expect(page.find('#manage-menu')).toBeUndefined(); // no card left to manage
  await page.tap('#manage-back');
  expect(weapp.calls('reLaunch').map((call) => routeOf(call.options.url))).toEqual(['/pages/cards/index']);
});

it('a refused report is said in words with what did not change, the code only in the support line', async () => {
  cloud.answers.set('reportLost', () => failure('CARD_ALREADY_SUSPENDED', { reason: 'report_lost' }));
  const page = await openManage();
  await page.tap('#manage-report-lost');
  await page.tap('#manage-report-lost-confirm');
  await until(page, '#manage-error');
  const notice = page.get('#manage-error').dom?.textContent ?? '';
  expect(notice).toContain(errorTitle('CARD_ALREADY_SUSPENDED', 'zh'));
  expect(notice).toContain(t('manage.failedHint'));
  expect(textOf(page, '#manage-error-support')).toBe(`${t('support.details')}CARD_ALREADY_SUSPENDED · report_lost`);
  expect(page.text().split('CARD_ALREADY_SUSPENDED')).toHaveLength(2);
  expect(page.find('#manage-done')).toBeUndefined();
  expect(textOf(page, '#manage-status')).toBe(t('manage.status', { status: t('card.status.active') }));
});

it('a face that does not match during reinstating is said in words with the attempts left; cancelling leaves the card suspended', async () => {
  card = cardExpiringIn(4 * 365, 'suspended');
  cloud.answers.set('reinstate', () => failure('FACE_MISMATCH', { details: { attemptsLeft: 2 } }));
  const page = await openManage();
  await page.tap('#manage-reinstate');
  await answerChallenge(page, CHALLENGE);
  await until(page, '#reauth-error');
  expect(page.get('#reauth-error').dom?.textContent).toContain(errorTitle('FACE_MISMATCH', 'zh'));
  expect(textOf(page, '#face-attempts')).toBe(t('face.attemptsLeft', { n: 2 }));
  expect(page.find('#manage-done')).toBeUndefined();

  await page.tap('#reauth-cancel');
  expect(textOf(page, '#manage-status')).toBe(t('manage.status', { status: t('card.status.suspended') }));
  expect(page.find('#manage-reinstate')).toBeDefined();
});

it('without a card the page says so and offers only the way back', async () => {
  card = null;
  const page = await weapp.open(MANAGE);
  await until(page, '#manage-none');
  expect(page.get('#manage-none').dom?.textContent).toContain(t('card.none'));
  expect(page.find('#manage-report-lost')).toBeUndefined();
  expect(page.find('#manage-revoke')).toBeUndefined();
  expect(page.find('#manage-back')).toBeDefined();
});
