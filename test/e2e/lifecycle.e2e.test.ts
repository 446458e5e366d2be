/**
 * End to end in Chromium, screenshots kept: a code is on screen when the card
 * is reported lost from another tab of the same account, and the terminal
 * refuses it; the card is reinstated after a face check; it is revoked, and
 * enrolling again works. SYNTHETIC person.
 */
import type { Page } from 'playwright-core';
import { withTerminalAssertion } from '../../server/clients/assertions';
import { loadDemoTerminal } from '../../server/clients/demo-terminal-key';
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

async function faceCheckOnPage(page: Page): Promise<void> {
  await answerFaceChallenge(page);
  await page.locator('#face-submit:visible').click();
  await page.locator('#manage-done:visible').waitFor({ timeout: 15000 });
}

it('report lost with a code on screen → refused; reinstate after a face check; revoke, then enroll again', async () => {
  const { emulator, browser } = world;
  const phone = await newPhone(browser, { injectScripts: true });
  const person = personFor('ordinary', 1);
  await enrollThroughPages(phone, emulator.baseUrl, person, shot, 'lifecycle-');
  await phone.locator('#result-view-card:visible').click();
  await phone.locator('#card-unlock:visible').click();
  await phone.locator('#scene-hotel:visible').click();
  await phone.locator('#card-qr:visible').waitFor({ timeout: 15000 });
  await phone.waitForTimeout(500);
  const token = decodeQr(await phone.screenshot());
  expect(token).toMatch(/^EID2:/);

  // The same account in another tab: the card package's manage button needs no unlock.
  const other = await phone.context().newPage();
  await other.goto(emulator.baseUrl + '/');
  await other.locator('#cards-manage:visible').click();
  await expectAccessible(other, 'card management page');
  await other.locator('#manage-report-lost:visible').click();
  await other.locator('#manage-confirm-lost:visible').waitFor();
  await shot(other, 'lifecycle-05-report-lost-confirm');
  await other.locator('#manage-report-lost-confirm:visible').click();
  await other.locator('#manage-done:visible').waitFor({ timeout: 15000 });
  await shot(other, 'lifecycle-06-reported-lost');

  const refused = await post(emulator.baseUrl, '/fn/verifier', withTerminalAssertion(loadDemoTerminal(emulator.dataDir), new Date(), { action: 'verify', token: token!, scene: 'hotel' }));
  expect(refused).toMatchObject({ ok: false, code: 'CARD_SUSPENDED' });

  // On the phone, the card opens suspended, said in words, with no way to show a code.
  await phone.goto(emulator.baseUrl + '/');
  await phone.locator('#cards-open:visible').click();
  await phone.locator('#card-unlock:visible').click();
  await expect(phone.locator('#card-status:visible').textContent()).resolves.toContain('挂失');
  await expect(phone.locator('#card-present:visible').count()).resolves.toBe(0);
  await phone.waitForTimeout(500);
  await shot(phone, 'lifecycle-06b-card-suspended-no-code');

  await other.locator('#manage-menu:visible').click();
  await expect(other.locator('#manage-status:visible').textContent()).resolves.toContain('挂失');
  await other.locator('#manage-reinstate:visible').click();
  await faceCheckOnPage(other);
  await shot(other, 'lifecycle-07-reinstated');
  await other.locator('#manage-menu:visible').click();
  await expect(other.locator('#manage-status:visible').textContent()).resolves.toContain('有效');

  await other.locator('#manage-revoke:visible').click();
  await other.locator('#manage-confirm-revoke:visible').waitFor();
  await shot(other, 'lifecycle-08-revoke-confirm');
  await other.locator('#manage-revoke-confirm:visible').click();
  await faceCheckOnPage(other);
  await shot(other, 'lifecycle-09-revoked');

  await enrollThroughPages(other, emulator.baseUrl, person, shot, 'lifecycle-again-');
  await expect(other.locator('#result-title:visible').textContent()).resolves.toBeTruthy();
  await shot(other, 'lifecycle-10-enrolled-again');
}, 120000);

it('a second browser enrolling the same person is offered the move; after a face check the card is here and the first browser says why it left', async () => {
  const { emulator, browser } = world;
  const person = personFor('ordinary', 3);
  const first = await newPhone(browser);
  await enrollThroughPages(first, emulator.baseUrl, person, shot, 'move-first-');

  const second = await newPhone(browser);
  await enrollThroughPages(second, emulator.baseUrl, person, shot, 'move-second-');
  await second.locator('#result-move-here:visible').waitFor({ timeout: 15000 });
  await second.waitForTimeout(500); // let the page's slide-in transition finish before the screenshot
  await shot(second, 'move-05-offered');
  await second.locator('#result-move-here:visible').click();
  await answerFaceChallenge(second);
  await second.locator('#face-submit:visible').click();
  await second.locator('#result-view-card:visible').waitFor({ timeout: 15000 });
  await shot(second, 'move-06-moved-here');

  await first.goto(emulator.baseUrl + '/');
  await first.locator('#cards-moved:visible').waitFor({ timeout: 15000 });
  await shot(first, 'move-07-old-account-sees-why');
}, 120000);
