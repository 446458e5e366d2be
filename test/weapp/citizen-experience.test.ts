/**
 * @jest-environment jsdom
 *
 * Issue 12 on the BUILT weapp (dist/weapp) in miniprogram-simulate: the
 * one-tap QR with the QR screen's brightness, keep-on and capture
 * protection; the age-friendly mode; the enrollment form's and face page's
 * cancel; liveness steps as instructions; failures in words; screen-reader
 * attributes in WeChat's templates. Cloud calls are answered here with
 * SYNTHETIC data (the masked card of the synthetic 李明华).
 */
import type { PresentationView } from '../../core/api';
import { translator } from '../../src/i18n/translate';
import { personFor } from '../support/people';
import { faceChallenge, syntheticCard } from './support/fixtures';
import { openFacePage, until } from './support/journeys';
import { loadWeapp, routeOf, type Weapp, type WeappPage } from './support/load-weapp';

const t = translator('zh');
const ordinary = personFor('ordinary');

const CARD = syntheticCard();

const CHALLENGE = faceChallenge();

function presentation(scene: PresentationView['scene']): PresentationView {
  const now = Date.now();
  return { token: 'EID2:SYNTHETIC0TOKEN', scene, issuedAt: new Date(now).toISOString(), expiresAt: new Date(now + 60_000).toISOString() };
}

let weapp: Weapp;
const actions: string[] = [];
/** The enroll answer the next submission gets. */
let enrollAnswer: object = { ok: true, card: CARD };

beforeAll(() => {
  weapp = loadWeapp();
  weapp.onCallFunction((name, data) => {
    const { action, scene } = data as { action: string; scene?: PresentationView['scene'] };
    actions.push(`${name}.${action}`);
    if (action === 'getCard') return { ok: true, card: CARD };
    if (action === 'present') return { ok: true, ...presentation(scene ?? 'hotel') };
    if (action === 'startFace') return { ok: true, ...CHALLENGE };
    if (action === 'enroll') return enrollAnswer;
    if (action === 'listUsage') return { ok: true, usages: [], nextBefore: null };
    return { ok: false, code: 'INTERNAL', message: 'not in this test' };
  });
});

beforeEach(() => {
  weapp.clearCalls();
  actions.length = 0;
});

afterEach(async () => {
  await weapp?.closeAll();
});



const rootClass = (page: WeappPage) => String(page.attr('.eid-page', 'class'));

describe('the card package and the one-tap QR (weapp)', () => {
  it('shows the card like an ID card, without technical fields, and a 出示 button with a screen-reader label', async () => {
    const cards = await weapp.open('pages/cards/index');
    await until(cards, '#cards-present');
    const text = cards.text();
    expect(text).toContain(CARD.maskedName);
    expect(text).toContain('2026.11.28–2031.11.28');
    expect(text).toContain(t('card.issuerName'));
    expect(text).not.toContain(CARD.keyId);
    expect(text).toContain(t('cards.present', { scene: '酒店入住' }));
    // aria-label and aria-role reach WeChat's template (config/weapp-aria-plugin.js; j-component names them in camelCase).
    expect(cards.attr('#cards-present', 'ariaLabel')).toBe(t('cards.present', { scene: '酒店入住' }));
    expect(cards.attr('#staff-entry', 'ariaRole')).toBe('link');
    expect(weapp.calls('setNavigationBarTitle').map((call) => call.options.title)).toContain(t('title.cards'));
  });

  it('出示 unlocks with the fingerprint and shows the code at once, bright, kept on and hidden from capture; put away restores all', async () => {
    const cards = await weapp.open('pages/cards/index');
    await until(cards, '#cards-present');
    await cards.tap('#cards-present');
    expect(weapp.calls('navigateTo').map((call) => routeOf(call.options.url))).toEqual(['/pages/card/index']);

    const card = await weapp.open('pages/card/index');
    await until(card, '#card-qr-scene');
    expect(card.get('#card-qr-scene').dom?.textContent).toBe('酒店入住');
    expect(actions).toContain('citizen.present');
    expect(card.find('#card-unlock')).toBeUndefined(); // no second tap on the way
    expect(weapp.calls('setScreenBrightness').map((call) => call.options.value)).toEqual([1]);
    expect(weapp.calls('setKeepScreenOn').map((call) => call.options.keepScreenOn)).toEqual([true]);
    expect(weapp.calls('setVisualEffectOnCapture').map((call) => call.options.visualEffect)).toEqual(['hidden']);
    expect(card.find('#card-qr-limits')).toBeUndefined(); // WeChat can do all of it
    expect(weapp.captureListeners()).toBe(1);

    // A screenshot anyway: a warning in words.
    await weapp.captureScreen();
    expect(card.get('#card-qr-captured').dom?.textContent).toContain(t('qr.captured'));

    // Another scene is one tap.
    await card.tap('#qr-scene-age_check');
    await until(card, '#card-qr-countdown');
    for (let i = 0; i < 20 && card.get('#card-qr-scene').dom?.textContent !== '年龄核验'; i++) await card.settle();
    expect(card.get('#card-qr-scene').dom?.textContent).toBe('年龄核验');
    expect(card.attr('#qr-scene-age_check', 'ariaChecked')).toBe(true);

    // Put away: the earlier brightness back, the screen free to sleep, capture allowed, no listener left.
    await card.tap('#card-qr-back');
    await card.settle();
    expect(weapp.calls('setScreenBrightness').map((call) => call.options.value).slice(-1)).toEqual([0.4]);
    expect(weapp.calls('setKeepScreenOn').map((call) => call.options.keepScreenOn).slice(-1)).toEqual([false]);
    expect(weapp.calls('setVisualEffectOnCapture').map((call) => call.options.visualEffect).slice(-1)).toEqual(['none']);
    expect(weapp.captureListeners()).toBe(0);
    expect(card.find('#card-masked-id')).toBeDefined();
  });

  it('the next 出示 offers the scene used last', async () => {
    const cards = await weapp.open('pages/cards/index');
    await until(cards, '#cards-present');
    expect(cards.get('#cards-present').dom?.textContent).toContain('年龄核验');
  });
});

describe('age-friendly mode (weapp)', () => {
  it('the toggle puts every page in the large type and is remembered on the device', async () => {
    const cards = await weapp.open('pages/cards/index');
    expect(rootClass(cards)).not.toContain('eid-elder');
    await cards.tap('#elder-toggle');
    expect(rootClass(cards)).toContain('eid-elder');
    expect(wx.getStorageSync('eid.elderMode')).toBe('on');
    expect(cards.attr('#elder-toggle', 'ariaLabel')).toBe(t('elder.turnOff'));
    const enroll = await weapp.open('pages/enroll/index');
    expect(rootClass(enroll)).toContain('eid-elder');
    await cards.tap('#elder-toggle');
    expect(wx.getStorageSync('eid.elderMode')).toBe('off');
  });
});

describe('enrollment: cancel, errors once, steps as instructions, failures in words (weapp)', () => {
  it('the form has a cancel that goes back to the card package, and each error once, next to its field', async () => {
    const enroll = await weapp.open('pages/enroll/index');
    await enroll.input('#enroll-name', ordinary.name);
    await enroll.input('#enroll-id-number', ordinary.idNumber.slice(0, 17) + (ordinary.idNumber.endsWith('8') ? '7' : '8'));
    expect(enroll.text().split(t('reason.id.checksum'))).toHaveLength(2);
    expect(enroll.get('#enroll-error').dom?.textContent).toBe(t('enroll.fix', { field: t('enroll.idNumber') }));
    expect(String(enroll.attr('.eid-field--error', 'class'))).toContain('eid-field--error');
    await enroll.tap('#enroll-cancel');
    expect(weapp.calls('reLaunch').map((call) => routeOf(call.options.url))).toEqual(['/pages/cards/index']);
  });

  it('the face page reads each liveness step as an instruction until done, names the simulator in Chinese, and can be cancelled', async () => {
    const face = await openFacePage(weapp, ordinary, '#face-step-blink');
    expect(face.get('#face-step-blink').dom?.textContent).toBe(`1. ${t('face.action.blink')}`);
    expect(face.text()).not.toContain(t('face.stepDone'));
    expect(face.get('#face-authority').dom?.textContent).toBe('模拟身份核验（仅本地模拟器）');
    await face.tap('#face-step-blink');
    expect(face.text()).toContain(t('face.stepDone'));
    expect(face.get('#face-step-turn_right').dom?.textContent).toBe(`2. ${t('face.action.turn_right')}`);
    await face.tap('#face-cancel');
    expect(weapp.calls('reLaunch').map((call) => routeOf(call.options.url))).toEqual(['/pages/cards/index']);
  });

  it('a name that does not match is said in words on the result page, the code only in the support line', async () => {
    enrollAnswer = { ok: false, code: 'IDENTITY_NOT_FOUND', message: '身份信息核验未通过', reason: 'name_mismatch' };
    const face = await openFacePage(weapp, ordinary, '#face-step-blink');
    await face.tap('#face-step-blink');
    await face.tap('#face-step-turn_right');
    await face.input('#face-digits', CHALLENGE.digits);
    await face.tap('#face-submit');
    for (let i = 0; i < 20 && weapp.calls('redirectTo').length === 0; i++) await face.settle();
    expect(weapp.calls('redirectTo').map((call) => routeOf(call.options.url))).toEqual(['/pages/result/index']);

    const result = await weapp.open('pages/result/index');
    expect(result.get('#result-title').dom?.textContent).toBe(t('fail.IDENTITY_NOT_FOUND.name_mismatch'));
    expect(result.get('#result-reason').dom?.textContent).toBe(t('next.identity.name_mismatch'));
    expect(result.get('#result-failure-support').dom?.textContent).toBe(`${t('support.details')}IDENTITY_NOT_FOUND · name_mismatch`);
    expect(result.text().split('IDENTITY_NOT_FOUND')).toHaveLength(2);
  });
});

describe('every page has a title and a way back or out (weapp)', () => {
  const PAGES: Array<{ route: string; title: string; back: string }> = [
    { route: 'pages/card/index', title: t('title.card'), back: '#card-back' },
    { route: 'pages/usage/index', title: t('title.usage'), back: '#usage-back' },
    { route: 'pages/result/index', title: t('title.result'), back: '#result-cards' },
    { route: 'pages/staff/index', title: t('title.staff'), back: '#staff-back' },
    // The draft of the name-mismatch test above is still held, as in a running mini-program.
    { route: 'pages/consent/index', title: t('title.consent'), back: '#consent-decline' },
  ];
  it.each(PAGES)('$route: the title in the navigation bar and a button out', async ({ route, title, back }) => {
    const page = await weapp.open(route);
    await until(page, back);
    expect(weapp.calls('setNavigationBarTitle').map((call) => call.options.title)).toContain(title);
    await page.tap(back);
    expect(weapp.calls().filter((call) => ['navigateBack', 'reLaunch', 'redirectTo', 'navigateTo'].includes(call.api))).not.toEqual([]);
  });

  it('the staff page names its scene choices for a screen reader and marks the chosen one', async () => {
    const staff = await weapp.open('pages/staff/index');
    expect(staff.attr('#staff-scene-hotel', 'ariaRole')).toBe('radio');
    expect(staff.attr('#staff-scene-hotel', 'ariaChecked')).toBe(true);
    await staff.tap('#staff-scene-age_check');
    expect(staff.attr('#staff-scene-age_check', 'ariaChecked')).toBe(true);
    expect(staff.attr('#staff-scene-hotel', 'ariaChecked')).toBeFalsy();
    expect(staff.text()).toContain(t('staff.noTerminal'));
  });
});
