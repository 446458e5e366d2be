/**
 * End to end in Chromium, screenshots kept: the upgrade terminal directory
 * filtered to one city; set the card password (a weak one
 * refused in place, before any face check), show the upgrade code, the SIMULATED upgrade terminal
 * scans it from the screen and submits its in-person check and the keypad
 * password, and the card turns colour, said in words on the card face; the
 * colour-only service tile opens to it.
 * SYNTHETIC person.
 */
import type { Page } from 'playwright-core';
import { withTerminalAssertion } from '../../server/clients/assertions';
import { DEMO_UPGRADE_TERMINAL_ID, loadDemoTerminal } from '../../server/clients/demo-terminal-key';
import { post } from '../support/http-citizen';
import { personFor } from '../support/people';
import { newPhone, shot, useEmulatorAndChromium } from './browser';
import { axeViolations, describeViolations } from './axe';
import { decodeQr } from './decode-qr';
import { answerFaceChallenge, enrollThroughPages } from './pages';

const world = useEmulatorAndChromium();

async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(400); // the slide-in, so only this page is checked
  expect(describeViolations(where, await axeViolations(page))).toBe('');
}

/** Whether the services page offers the demo partner's colour-only housing fund tile to this card ('yes' or 'no'). */
async function housingTileAvailable(page: Page, baseUrl: string): Promise<string | null> {
  await page.goto(baseUrl + '/');
  await page.locator('#cards-services:visible').click();
  await page.locator('#service-tile-tl_demo_housing:visible').waitFor({ timeout: 15000 });
  return page.locator('#service-tile-tl_demo_housing:visible').getAttribute('data-available');
}

it('sets the card password, shows the upgrade code, and the terminal makes the card colour', async () => {
  const { emulator, browser } = world;
  const page = await newPhone(browser, { injectScripts: true });
  await enrollThroughPages(page, emulator.baseUrl, personFor('ordinary', 2), shot, 'upgrade-');
  // Before: the colour-only service (the demo partner's housing fund tile) is closed to a basic card.
  await expect(housingTileAvailable(page, emulator.baseUrl)).resolves.toBe('no');
  await page.goto(emulator.baseUrl + '/');
  await page.locator('#cards-upgrade:visible').click();

  // Where to go: the directory of the pilot cities, filtered to one city, open now said in words.
  await page.locator('#upgrade-where:visible').click();
  await page.locator('[id^="sites-item-"]:visible').first().waitFor({ timeout: 15000 });
  await page.locator('#sites-city-440100:visible').click();
  await page.locator('#sites-item-gz-tianhe:visible').waitFor({ timeout: 15000 });
  await expect(page.locator('#sites-item-bj-dongcheng').count()).resolves.toBe(0);
  await expect(page.locator('#sites-state-gz-baiyun-airport:visible').textContent()).resolves.toMatch(/现在(不)?开放/);
  await page.waitForTimeout(500); // let the page's slide-in transition finish before the screenshot
  await shot(page, 'upgrade-04-terminal-directory');
  await expectAccessible(page, 'upgrade terminal directory');
  await page.locator('#sites-header-back:visible').click();

  await expectAccessible(page, 'upgrade page');
  await page.locator('#upgrade-set-password:visible').click();
  await expectAccessible(page, 'card password form');

  await page.locator('#upgrade-password-new:visible input').fill('12345678');
  await page.locator('#upgrade-password-repeat:visible input').fill('12345678');
  await page.locator('#upgrade-password-submit:visible').click();
  // A rule that needs nothing but the password is told in place, before a face check is spent.
  await expect(page.locator('#upgrade-password-repeat-error:visible').textContent()).resolves.toBe('卡密码不能是连续递增或递减的数字');
  await expect(page.locator('#upgrade-password-repeat input').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.locator('[id^="face-step-"]:visible').count()).resolves.toBe(0);
  await shot(page, 'upgrade-05-weak-password');

  await page.locator('#upgrade-password-new:visible input').fill('73920561');
  await page.locator('#upgrade-password-repeat:visible input').fill('73920561');
  await page.locator('#upgrade-password-submit:visible').click();
  await answerFaceChallenge(page);
  await page.locator('#face-submit:visible').click();
  await page.locator('#upgrade-notice:visible').waitFor({ timeout: 15000 });

  await page.locator('#upgrade-show-code:visible').click();
  await page.locator('#upgrade-qr:visible').waitFor({ timeout: 15000 });
  await page.waitForTimeout(500);
  await shot(page, 'upgrade-06-upgrade-code');
  const token = decodeQr(await page.screenshot());
  expect(token).toMatch(/^EID2:/);

  const terminal = loadDemoTerminal(emulator.dataDir, DEMO_UPGRADE_TERMINAL_ID);
  const answer = await post(
    emulator.baseUrl,
    '/fn/verifier',
    withTerminalAssertion(terminal, new Date(), { action: 'upgrade', token: token!, inPersonCheck: { idCardRead: true, faceMatch: true }, password: '73920561' }),
  );
  expect(answer).toMatchObject({ ok: true, level: 'colour' });

  await page.locator('#upgrade-code-done:visible').click();
  await page.locator('#upgrade-colour:visible').waitFor({ timeout: 15000 });
  await expect(page.locator('#upgrade-level:visible').textContent()).resolves.toContain('彩色');
  await shot(page, 'upgrade-07-colour-card');

  // After: the colour-only service is open to this card.
  await expect(housingTileAvailable(page, emulator.baseUrl)).resolves.toBe('yes');
  await page.waitForTimeout(500);
  await shot(page, 'upgrade-08-colour-service-open');
}, 120000);
