/**
 * End to end in Chromium, screenshots kept: the upgrade terminal directory
 * filtered to one city; set the card password (a weak one
 * refused in place, before any face check), show the upgrade code; the SIMULATED upgrade terminal's
 * page (another phone, from the staff page) reads it from the screen, refuses a
 * wrong keypad password with the tries left, then with the in-person check ticked
 * and the right password the card turns colour, said in words on the card face; the
 * colour-only service tile opens to it.
 * SYNTHETIC person.
 */
import type { Page } from 'playwright-core';
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

  // The SIMULATED upgrade terminal, played in the browser on another device: the staff page's link to it.
  const terminal = await newPhone(browser, { injectScripts: true });
  await terminal.goto(emulator.baseUrl + '/');
  await terminal.locator('#staff-entry:visible').click();
  await terminal.locator('#staff-upgrade-terminal:visible').click();
  await terminal.locator('#terminal-token:visible').waitFor({ timeout: 15000 });
  await expect(terminal.locator('#terminal-intro:visible').textContent()).resolves.toContain('模拟');
  await expectAccessible(terminal, 'upgrade terminal page');
  await shot(terminal, 'upgrade-07a-terminal-page');

  const submitAtTerminal = async (password: string) => {
    await terminal.locator('#terminal-token:visible').fill(token!);
    await terminal.locator('#terminal-verify:visible').click();
    await terminal.locator('#terminal-code-read:visible').waitFor();
    await terminal.locator('#terminal-id-card:visible').click();
    await terminal.locator('#terminal-id-card[aria-checked="true"]:visible').waitFor();
    await terminal.locator('#terminal-face:visible').click();
    await terminal.locator('#terminal-face[aria-checked="true"]:visible').waitFor();
    await terminal.locator('#terminal-password:visible input').fill(password);
    await terminal.locator('#terminal-submit:visible').click();
  };

  // A wrong password first: refused in words, with the tries left, and the form forgets what was typed.
  await submitAtTerminal('00011122');
  await terminal.locator('#terminal-error:visible').waitFor({ timeout: 15000 });
  await expect(terminal.locator('#terminal-error-verdict:visible').textContent()).resolves.toContain('✗ 升级未办理');
  await expect(terminal.locator('#terminal-error-reason:visible').textContent()).resolves.toContain('卡密码不正确');
  await expect(terminal.locator('#terminal-error-tries:visible').textContent()).resolves.toContain('4 次');
  await expect(terminal.locator('#terminal-error-code:visible').textContent()).resolves.toContain('PASSWORD_WRONG');
  await expect(terminal.locator('#terminal-error').getAttribute('role')).resolves.toBe('alert');
  await shot(terminal, 'upgrade-07b-terminal-wrong-password');
  await expectAccessible(terminal, 'upgrade terminal refusal');
  await terminal.locator('#terminal-next:visible').click();
  await terminal.locator('#terminal-token:visible').waitFor();
  await expect(terminal.locator('#terminal-token:visible').inputValue()).resolves.toBe('');

  await submitAtTerminal('73920561');
  await terminal.locator('#terminal-result:visible').waitFor({ timeout: 15000 });
  await expect(terminal.locator('#terminal-result').getAttribute('role')).resolves.toBe('status');
  await expect(terminal.locator('#terminal-result-title:visible').textContent()).resolves.toContain('✓ 升级成功');
  await expect(terminal.locator('#terminal-result-level:visible').textContent()).resolves.toContain('彩色');
  await terminal.waitForTimeout(500);
  await shot(terminal, 'upgrade-07c-terminal-upgraded');
  await expectAccessible(terminal, 'upgrade terminal result');
  // Nothing typed stays in the page once the answer is shown.
  await expect(terminal.locator('input[type="password"]').count()).resolves.toBe(0);
  await terminal.context().close();

  await page.locator('#upgrade-code-done:visible').click();
  await page.locator('#upgrade-colour:visible').waitFor({ timeout: 15000 });
  await expect(page.locator('#upgrade-level:visible').textContent()).resolves.toContain('彩色');
  await shot(page, 'upgrade-07-colour-card');

  // After: the colour-only service is open to this card.
  await expect(housingTileAvailable(page, emulator.baseUrl)).resolves.toBe('yes');
  await page.waitForTimeout(500);
  await shot(page, 'upgrade-08-colour-service-open');
}, 120000);
