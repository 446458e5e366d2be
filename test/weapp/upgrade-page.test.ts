/**
 * @jest-environment jsdom
 *
 * The colour upgrade page (journey 4) on the BUILT weapp (dist/weapp) in
 * miniprogram-simulate: the 8-digit card password, typed twice into hidden
 * fields, checked here and by the server, then sent with a face check; the
 * upgrade code with its countdown and its name for a screen reader, after a
 * face check when the last one is too old; refusals in words, the code only
 * in the support line. Cloud calls are answered here by a small fake of the
 * citizen function holding one SYNTHETIC masked card.
 */
import type { CardView, PresentationView } from '../../core/api';
import { failure } from '../../core/failure';
import { PRESENTATION_MAX_LIFETIME_SECONDS } from '../../core/policy';
import { errorTitle, translator } from '../../src/i18n/translate';
import { faceChallenge, syntheticCard } from './support/fixtures';
import { FakeCloud } from './support/fake-cloud';
import { answerChallenge, openReady, textOf, until } from './support/journeys';
import { loadWeapp, routeOf, type Weapp } from './support/load-weapp';

const UPGRADE = 'pages/upgrade/index';
const t = translator('zh');
/** A password the rules accept (not all one digit, not a run, not 李明华's birth date). */
const PASSWORD = '73920561';

const CHALLENGE = faceChallenge({ sessionId: 'face-session-upgrade', actions: ['nod', 'blink'], digits: '2604' });

const BASIC = syntheticCard({ cardId: 'card-synthetic-upgrade' });

function upgradeCode(): PresentationView {
  const now = Date.now();
  return {
    token: 'EID2:SYNTHETIC0UPGRADE0CODE',
    scene: 'upgrade',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + PRESENTATION_MAX_LIFETIME_SECONDS * 1000).toISOString(),
  };
}

let weapp: Weapp;
let card: CardView;
let passwordSet: boolean;
/** Whether the holder's last face check is recent enough to show a code (the server's REAUTH_REQUIRED otherwise). */
let faceRecent: boolean;
let cloud: FakeCloud;

beforeAll(() => {
  weapp = loadWeapp();
  cloud = new FakeCloud(weapp, (event) => {
    switch (event.action) {
      case 'getCard':
        return { ok: true, card };
      case 'startFace':
        return { ok: true, ...CHALLENGE };
      case 'reauth':
        faceRecent = true;
        return { ok: true, validUntil: new Date(Date.now() + 300_000).toISOString() };
      case 'setCardPassword':
        passwordSet = true;
        faceRecent = true;
        return { ok: true, setAt: new Date().toISOString() };
      case 'presentUpgrade':
        if (!passwordSet) return failure('PASSWORD_NOT_SET');
        if (!faceRecent) return failure('REAUTH_REQUIRED');
        return { ok: true, ...upgradeCode() };
    }
    return failure('INTERNAL');
  });
});

beforeEach(() => {
  cloud.reset();
  card = BASIC;
  passwordSet = false;
  faceRecent = true;
});

afterEach(() => weapp.closeAll());

const openUpgrade = () => openReady(weapp, UPGRADE, '#upgrade-show-code');

it('the upgrade page and the upgrade sites are a subpackage of their own', () => {
  expect(weapp.appJson.subPackages).toContainEqual({ root: 'pages/upgrade', pages: ['index', 'sites/index'] });
});

it('shows the basic card, what the upgrade takes, and its four ways on, each named for a screen reader', async () => {
  const page = await openUpgrade();
  expect(weapp.calls('setNavigationBarTitle').map((call) => call.options.title)).toContain(t('title.upgrade'));
  expect(textOf(page, '#upgrade-level')).toBe(t('card.level.basic'));
  expect(page.text()).toContain(t('upgrade.intro'));
  expect(page.attr('#upgrade-set-password', 'ariaLabel')).toBe(t('upgrade.password.title'));
  expect(page.attr('#upgrade-show-code', 'ariaLabel')).toBe(t('upgrade.showCode'));
  expect(page.attr('#upgrade-unlock-password', 'ariaLabel')).toBe(t('upgrade.unlock'));
  expect(page.attr('#upgrade-where', 'ariaLabel')).toBe(t('upgrade.where'));
  await page.tap('#upgrade-where');
  expect(weapp.calls('navigateTo').map((call) => routeOf(call.options.url))).toEqual(['/pages/upgrade/sites/index']);
});

it('the card password: hidden 8-digit fields, a repeat that differs is said at its field and sends nothing; then a face check sets it', async () => {
  const page = await openUpgrade();
  await page.tap('#upgrade-set-password');
  expect(page.get('#upgrade-password').dom?.textContent).toContain(t('upgrade.password.rules'));
  for (const field of ['#upgrade-password-new', '#upgrade-password-repeat']) {
    expect(page.attr(field, 'password')).toBe(true);
    expect(page.attr(field, 'type')).toBe('number');
    expect(page.attr(field, 'maxlength')).toBe(8);
  }
  expect(page.attr('#upgrade-password-new', 'ariaLabel')).toBe(t('upgrade.password.new'));

  await page.input('#upgrade-password-new', PASSWORD);
  await page.input('#upgrade-password-repeat', '73920651');
  await page.tap('#upgrade-password-submit');
  expect(textOf(page, '#upgrade-password-repeat-error')).toBe(t('upgrade.password.repeatDiffers'));
  expect(page.attr('#upgrade-password-repeat', 'ariaLabel')).toBe(`${t('upgrade.password.repeat')}: ${t('upgrade.password.repeatDiffers')}`);
  expect(page.find('#reauth')).toBeUndefined();

  await page.input('#upgrade-password-repeat', PASSWORD);
  await page.tap('#upgrade-password-submit');
  await until(page, '#reauth-why');
  expect(textOf(page, '#reauth-why')).toBe(t('reauth.whyPassword'));
  expect(cloud.sent('setCardPassword')).toEqual([]); // nothing leaves the phone before the face check
  await answerChallenge(page, CHALLENGE);
  await until(page, '#upgrade-notice');
  expect(textOf(page, '#upgrade-notice')).toBe(t('upgrade.password.done'));
  expect(cloud.sent('setCardPassword')).toEqual([
    {
      name: 'citizen',
      action: 'setCardPassword',
      password: PASSWORD,
      faceSessionId: CHALLENGE.sessionId,
      liveness: { actions: CHALLENGE.actions, digits: CHALLENGE.digits },
      faceCapture: expect.any(String),
    },
  ]);
  expect(cloud.sent('reauth')).toEqual([]);
});

it('a password the server refuses (the birth date, which only it can see) comes back to the form with the rule it breaks', async () => {
  cloud.answers.set('setCardPassword', () => failure('PASSWORD_WEAK', { reason: 'birth_date' }));
  const page = await openUpgrade();
  await page.tap('#upgrade-set-password');
  await page.input('#upgrade-password-new', '19900307');
  await page.input('#upgrade-password-repeat', '19900307');
  await page.tap('#upgrade-password-submit');
  await answerChallenge(page, CHALLENGE);
  await until(page, '#upgrade-password-repeat-error');
  expect(textOf(page, '#upgrade-password-repeat-error')).toBe(t('upgrade.password.birth_date'));
  expect(page.find('#upgrade-notice')).toBeUndefined();
});

it('the upgrade code: busy while it is made, then the code with its countdown and its name for a screen reader; done goes back', async () => {
  passwordSet = true;
  const page = await openUpgrade();
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  cloud.answers.set('presentUpgrade', async () => {
    await held;
    return { ok: true, ...upgradeCode() };
  });
  await page.tap('#upgrade-show-code');
  expect(page.attr('#upgrade-show-code', 'disabled')).toBe(true);
  expect(textOf(page, '#upgrade-show-code')).toBe(t('common.busy'));

  release();
  await until(page, '#upgrade-countdown');
  expect(page.get('#upgrade-code').dom?.textContent).toContain(t('upgrade.codeTitle'));
  const seconds = Number(/^(\d+) /.exec(textOf(page, '#upgrade-countdown') ?? '')?.[1]);
  expect(seconds).toBeGreaterThan(PRESENTATION_MAX_LIFETIME_SECONDS - 10);
  expect(seconds).toBeLessThanOrEqual(PRESENTATION_MAX_LIFETIME_SECONDS);
  expect(textOf(page, '#upgrade-countdown')).toBe(t('upgrade.codeSeconds', { n: String(seconds) }));
  expect(page.attr('.eid-qr', 'ariaLabel')).toBe(t('upgrade.codeLabel'));
  expect(page.attr('.eid-qr', 'ariaRole')).toBe('img');
  expect(page.text()).toContain(t('upgrade.codeHint'));
  expect(page.text()).not.toContain('EID2:'); // the token is drawn, never written out

  await page.tap('#upgrade-code-done');
  expect(page.find('#upgrade-code')).toBeUndefined();
  expect(page.find('#upgrade-show-code')).toBeDefined();
});

it('when the last face check is too old, the code comes after a new one', async () => {
  passwordSet = true;
  faceRecent = false;
  const page = await openUpgrade();
  await page.tap('#upgrade-show-code');
  await until(page, '#reauth-why');
  expect(textOf(page, '#reauth-why')).toBe(t('reauth.whyPresent'));
  await answerChallenge(page, CHALLENGE);
  await until(page, '#upgrade-countdown');
  expect(cloud.calls.map((call) => call.action).filter((action) => action !== 'getCard')).toEqual(['presentUpgrade', 'startFace', 'reauth', 'presentUpgrade']);
});

it('a code asked for before a password is set: refused in words with what to do first, the code only in the support line', async () => {
  const page = await openUpgrade();
  await page.tap('#upgrade-show-code');
  await until(page, '#upgrade-error');
  const notice = page.get('#upgrade-error').dom?.textContent ?? '';
  expect(notice).toContain(errorTitle('PASSWORD_NOT_SET', 'zh'));
  expect(notice).toContain(t('upgrade.setPasswordFirst'));
  expect(textOf(page, '#upgrade-error-support')).toBe(`${t('support.details')}PASSWORD_NOT_SET`);
  expect(page.text().split('PASSWORD_NOT_SET')).toHaveLength(2);
  expect(page.find('#upgrade-code')).toBeUndefined();
  expect(page.find('#upgrade-set-password')).toBeDefined();
});

it('a colour card says it is one and offers no upgrade code', async () => {
  card = { ...BASIC, level: 'colour' };
  const page = await weapp.open(UPGRADE);
  await until(page, '#upgrade-colour');
  expect(textOf(page, '#upgrade-level')).toBe(t('card.level.colour'));
  expect(page.get('#upgrade-colour').dom?.textContent).toContain(t('upgrade.isColour'));
  expect(page.find('#upgrade-show-code')).toBeUndefined();
  expect(page.find('#upgrade-set-password')).toBeUndefined();
});
