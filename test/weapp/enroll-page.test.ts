/**
 * @jest-environment jsdom
 *
 * The enrollment page of the BUILT weapp (dist/weapp, or $EID_WEAPP_DIR), in
 * miniprogram-simulate: real WXML, real Taro + React bundle, real input
 * events. SYNTHETIC identities only (server/adapters/authority/synthetic-population.json).
 *
 * The app is launched once for the file, as a mini-program keeps running
 * between page visits; every test opens a fresh enrollment page and closes it.
 * App state lives on between tests as it would between visits (the
 * enrollment draft, for one), so the test that goes on to consent runs last.
 */
import { translator } from '../../src/i18n/translate';
import { personFor } from '../support/people';
import { loadWeapp, routeOf, type Weapp, type WeappPage } from './support/load-weapp';

const ENROLL = 'pages/enroll/index';
const NAME = '#enroll-name';
const ID_NUMBER = '#enroll-id-number';
const SUBMIT = '#enroll-submit';
const EXPLANATION = '#enroll-error';

/** The page's own texts, from the table the page renders with (Chinese is the default language). */
const t = translator('zh');
const ordinary = personFor('ordinary'); // 李明华 / 110105199003071239
/** The same number with any other final character: only the check character is wrong. */
const badCheck = ordinary.idNumber.slice(0, 17) + (ordinary.idNumber.endsWith('8') ? '7' : '8');

let weapp: Weapp;
let page: WeappPage;

beforeAll(() => {
  // Fails every test, saying to build, when there is no build.
  weapp = loadWeapp();
});

beforeEach(async () => {
  weapp.clearCalls();
  page = await weapp.open(ENROLL);
});

afterEach(async () => {
  await weapp?.closeAll();
});

const errorOf = (field: string) => page.find(`${field}-error`)?.dom?.textContent;
const isBlocked = () => String(page.attr(SUBMIT, 'class')).split(' ').includes('eid-button--blocked');

describe('weapp enrollment page (built output in miniprogram-simulate)', () => {
  it('renders its Chinese labels, title and a blocked button that says what is missing', () => {
    expect(ordinary.name).toBe('李明华');
    const text = page.text();
    expect(text).toContain('姓名');
    expect(text).toContain('身份证号码');
    for (const key of ['enroll.intro', 'enroll.name', 'enroll.idNumber', 'enroll.submit', 'enroll.fillIn'] as const) {
      expect(text).toContain(t(key));
    }
    expect(page.attr(NAME, 'placeholder')).toBe(t('enroll.namePlaceholder'));
    expect(page.attr(ID_NUMBER, 'placeholder')).toBe(t('enroll.idPlaceholder'));
    expect(page.attr(ID_NUMBER, 'type')).toBe('idcard');
    expect(weapp.calls('setNavigationBarTitle').map((call) => call.options.title)).toContain('填写身份信息');

    expect(errorOf(NAME)).toBeUndefined();
    expect(errorOf(ID_NUMBER)).toBeUndefined();
    expect(isBlocked()).toBe(true);
  });

  it('checks the ID number live: quiet while typing, the checksum reason once complete, gone when corrected', async () => {
    await page.input(NAME, ordinary.name);
    await page.input(ID_NUMBER, badCheck.slice(0, 10));
    expect(page.attr(ID_NUMBER, 'value')).toBe(badCheck.slice(0, 10));
    expect(errorOf(ID_NUMBER)).toBeUndefined(); // not certain yet: still being typed

    await page.input(ID_NUMBER, badCheck);
    expect(errorOf(ID_NUMBER)).toBe(t('reason.id.checksum'));
    expect(page.get(EXPLANATION).dom?.textContent).toBe(t('enroll.fix', { field: t('enroll.idNumber'), reason: t('reason.id.checksum') }));
    expect(isBlocked()).toBe(true);

    await page.input(ID_NUMBER, ordinary.idNumber);
    expect(errorOf(ID_NUMBER)).toBeUndefined();
  });

  it('answers a tap on an unfinished form by pointing at the first problem, not by navigating', async () => {
    await page.input(ID_NUMBER, ordinary.idNumber);
    await page.tap(SUBMIT);

    expect(weapp.calls('navigateTo')).toEqual([]);
    expect(errorOf(NAME)).toBe(t('reason.name.empty'));
    expect(page.attr(NAME, 'focus')).toBe(true);
  });

  // Last: going on keeps the details as the in-memory draft, which the page then shows on every later visit.
  it('accepts a valid synthetic identity: no error, submit enabled, and it goes on to consent', async () => {
    await page.input(NAME, ordinary.name);
    await page.input(ID_NUMBER, ordinary.idNumber);

    expect(errorOf(NAME)).toBeUndefined();
    expect(errorOf(ID_NUMBER)).toBeUndefined();
    expect(page.find(EXPLANATION)).toBeUndefined();
    expect(page.text()).not.toContain('请先');
    expect(isBlocked()).toBe(false);
    expect(page.attr(SUBMIT, 'disabled')).toBe(false);

    await page.tap(SUBMIT);
    expect(weapp.calls('navigateTo').map((call) => routeOf(call.options.url))).toEqual(['/pages/consent/index']);
  });
});
