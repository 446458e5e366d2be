/**
 * @jest-environment jsdom
 *
 * The SIMULATED upgrade terminal's page (the staff subpackage) on the BUILT
 * weapp (dist/weapp) in miniprogram-simulate: reached from the staff page,
 * labelled SIMULATED where the simulator stands in for a terminal; the
 * in-person check as two named tick boxes, the card password a hidden 8-digit
 * field; what is missing said before anything is sent. The mini-program holds
 * no terminal key, so a submission is refused in words
 * (VERIFIER_UNKNOWN · no_terminal_credential) without any cloud call, and the
 * form comes back empty. The camera scan is faked with a SYNTHETIC code.
 */
import { errorTitle, translator } from '../../src/i18n/translate';
import { FakeCloud } from './support/fake-cloud';
import { openReady, textOf, until } from './support/journeys';
import { loadWeapp, routeOf, type Weapp } from './support/load-weapp';

const TERMINAL = 'pages/staff/upgrade/index';
const t = translator('zh');
const SYNTHETIC_CODE = 'EID2:SYNTHETIC0UPGRADE0CODE';
const PASSWORD = '73920561';

let weapp: Weapp;
let cloud: FakeCloud;

beforeAll(() => {
  weapp = loadWeapp();
  cloud = new FakeCloud(weapp, () => ({ ok: false, code: 'INTERNAL', message: 'not faked' }));
  // The camera: the scanner reads the citizen's code from their screen.
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.scanCode = (options: { success?: (res: object) => void; complete?: (res: object) => void }) => {
    const res = { errMsg: 'scanCode:ok', result: SYNTHETIC_CODE, scanType: 'QR_CODE', charSet: 'utf-8' };
    options.success?.(res);
    options.complete?.(res);
  };
});

beforeEach(() => {
  cloud.reset();
});

afterEach(() => weapp.closeAll());

const openTerminal = () => openReady(weapp, TERMINAL, '#terminal-submit');

it('the upgrade terminal page is in the staff subpackage, and the staff page links to it', async () => {
  expect(weapp.appJson.subPackages).toContainEqual({ root: 'pages/staff', pages: ['index', 'upgrade/index'] });
  const staff = await weapp.open('pages/staff/index');
  expect(staff.attr('#staff-upgrade-terminal', 'ariaLabel')).toBe(t('staff.toUpgradeTerminal'));
  await staff.tap('#staff-upgrade-terminal');
  expect(weapp.calls('navigateTo').map((call) => routeOf(call.options.url))).toEqual([`/${TERMINAL}`]);
});

it('says it is SIMULATED, names its steps, tick boxes and the hidden 8-digit password field for a screen reader', async () => {
  const page = await openTerminal();
  expect(weapp.calls('setNavigationBarTitle').map((call) => call.options.title)).toContain(t('title.upgradeTerminal'));
  expect(t('title.upgradeTerminal')).toContain('模拟');
  for (const words of [t('terminal.heading'), t('terminal.intro'), t('terminal.codeTitle'), t('terminal.checkTitle'), t('terminal.passwordTitle')]) {
    expect(page.text()).toContain(words);
  }
  expect(textOf(page, '#terminal-no-terminal')).toBe(t('terminal.noTerminal'));
  for (const [id, label] of [
    ['#terminal-id-card', t('terminal.check.idCard')],
    ['#terminal-face', t('terminal.check.face')],
  ]) {
    expect(label).toContain('模拟');
    expect(page.attr(id, 'ariaRole')).toBe('checkbox');
    expect(page.attr(id, 'ariaLabel')).toBe(label);
    expect(page.attr(id, 'ariaChecked')).toBeFalsy();
  }
  expect(page.attr('#terminal-password', 'password')).toBe(true);
  expect(page.attr('#terminal-password', 'type')).toBe('number');
  expect(page.attr('#terminal-password', 'maxlength')).toBe(8);
  expect(page.attr('#terminal-password', 'ariaLabel')).toBe(t('terminal.password'));
  expect(page.attr('#terminal-submit', 'ariaLabel')).toBe(t('terminal.submit'));
});

it('what is missing is said before anything is sent: first the code, then the password', async () => {
  const page = await openTerminal();
  await page.tap('#terminal-submit');
  expect(textOf(page, '#terminal-code-needed')).toBe(`⚠ ${t('terminal.codeNeeded')}`);
  expect(page.attr('#terminal-code-needed', 'ariaRole')).toBe('alert');

  await page.tap('#terminal-scan');
  await until(page, '#terminal-code-read');
  expect(page.find('#terminal-code-needed')).toBeUndefined();
  expect(page.text()).not.toContain(SYNTHETIC_CODE);
  await page.input('#terminal-password', '7392');
  await page.tap('#terminal-submit');
  expect(textOf(page, '#terminal-password-error')).toBe(t('terminal.passwordNeeded'));
  expect(page.find('#terminal-error')).toBeUndefined();
  expect(cloud.calls).toEqual([]);
});

it('on WeChat a submission is refused in words (no terminal key), nothing is sent, and the form comes back empty', async () => {
  const page = await openTerminal();
  await page.tap('#terminal-scan');
  await until(page, '#terminal-code-read');
  await page.tap('#terminal-id-card');
  await page.tap('#terminal-face');
  expect(page.attr('#terminal-id-card', 'ariaChecked')).toBe(true);
  expect(page.attr('#terminal-face', 'ariaChecked')).toBe(true);
  await page.input('#terminal-password', PASSWORD);
  await page.tap('#terminal-submit');

  await until(page, '#terminal-error');
  expect(page.attr('#terminal-error', 'ariaRole')).toBe('alert');
  expect(textOf(page, '#terminal-error-verdict')).toBe(`✗ ${t('terminal.refused')}`);
  expect(textOf(page, '#terminal-error-title')).toBe(errorTitle('VERIFIER_UNKNOWN', 'zh'));
  expect(textOf(page, '#terminal-error-reason')).toBe(t('staff.why.VERIFIER_UNKNOWN.no_terminal_credential'));
  expect(textOf(page, '#terminal-error-code')).toBe(`${t('support.details')}VERIFIER_UNKNOWN · no_terminal_credential`);
  expect(cloud.calls).toEqual([]);
  expect(page.text()).not.toContain(PASSWORD);

  await page.tap('#terminal-next');
  await until(page, '#terminal-scan');
  expect(page.find('#terminal-code-read')).toBeUndefined();
  expect(page.attr('#terminal-password', 'value')).toBe('');
  expect(page.attr('#terminal-id-card', 'ariaChecked')).toBeFalsy();
  expect(page.attr('#terminal-face', 'ariaChecked')).toBeFalsy();
});
