/**
 * End to end: enroll, unlock the card, pick a scene, screenshot the QR code,
 * decode it from the pixels with an independent decoder (jsQR), verify it as
 * a registered terminal over HTTP, and see the use on the usage page.
 */
import { withTerminalAssertion } from '../../server/clients/assertions';
import { loadDemoTerminal } from '../../server/clients/demo-terminal-key';
import { post } from '../support/http-citizen';
import { personFor } from '../support/people';
import { newPhone, shot, useEmulatorAndChromium } from './browser';
import { decodeQr } from './decode-qr';
import { enrollThroughPages } from './pages';

const world = useEmulatorAndChromium();

it('shows a QR code that a terminal verifies once, and the use appears on the usage page', async () => {
  const { emulator, browser } = world;
  const page = await newPhone(browser);
  const person = personFor('ordinary');
  await enrollThroughPages(page, emulator.baseUrl, person, shot, 'present-');
  await page.locator('#result-view-card:visible').click();

  await page.locator('#card-unlock:visible').click();
  await page.locator('#scene-hotel:visible').click();
  const qr = page.locator('#card-qr:visible');
  await qr.waitFor({ timeout: 15000 });
  await expect(page.locator('#card-qr-scene:visible').textContent()).resolves.toContain('酒店');
  await expect(page.locator('#card-qr-countdown:visible').textContent()).resolves.toMatch(/\d/);
  await page.waitForTimeout(500);
  await shot(page, 'present-08-card-qr');

  const token = decodeQr(await page.screenshot());
  expect(token).toMatch(/^EID2:/);
  expect(token).not.toContain(person.idNumber);

  const request = withTerminalAssertion(loadDemoTerminal(emulator.dataDir), new Date(), { action: 'verify', token: token!, scene: 'hotel' });
  const verified = await post(emulator.baseUrl, '/fn/verifier', request);
  expect(verified).toMatchObject({ ok: true, scene: 'hotel', attributes: { fullName: person.name, idNumber: person.idNumber, level: 'basic' } });
  const again = await post(emulator.baseUrl, '/fn/verifier', request);
  expect(again).toMatchObject({ ok: false, code: 'CODE_USED' });

  await page.locator('#card-usage:visible').click();
  const item = page.locator('#usage-item:visible').first();
  await item.waitFor({ timeout: 10000 });
  await page.waitForTimeout(500); // let the page's slide-in transition finish before the screenshot
  await shot(page, 'present-09-usage');
  const text = await item.textContent();
  expect(text).toContain('模拟核验终端');
  expect(text).toContain('酒店');
}, 90000);
