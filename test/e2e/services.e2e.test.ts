/**
 * End to end, the services journey (journey 5) in Chromium against the
 * emulator and its SIMULATED demo partner: enroll, open the services page
 * (tiles of the card's region, a colour-only tile disabled with its reason,
 * search), open the demo pension tile, consent with one optional attribute
 * left unticked, and the demo partner shows exactly what was granted and its
 * pseudonym; the records page shows the exchange; revoke the grant, and the
 * next exchange fails with GRANT_REVOKED. Axe checks names and contrast on
 * each new page. Screenshots: test-output/e2e/services-*.png.
 */
import type { Page } from 'playwright-core';
import { post } from '../support/http-citizen';
import { personFor } from '../support/people';
import { axeViolations, describeViolations } from './axe';
import { newPhone, shot, useEmulatorAndChromium } from './browser';
import { enrollThroughPages } from './pages';

const world = useEmulatorAndChromium();

async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(400); // the slide-in, so only this page is checked
  const violations = await axeViolations(page);
  expect(describeViolations(where, violations)).toBe('');
}

const visibleText = async (page: Page, selector: string) => ((await page.locator(`${selector}:visible`).first().textContent()) ?? '').trim();

it('a citizen opens a partner tile with consent, the partner receives exactly that, the records show it, and a revoked grant stops it', async () => {
  const { emulator, browser } = world;
  const page = await newPhone(browser, { injectScripts: true });
  const person = personFor('ordinary'); // a Beijing ID number: the Beijing-only demo tile is listed too
  await enrollThroughPages(page, emulator.baseUrl, person, shot, 'services-');
  await page.locator('#result-cards:visible').click();

  // The services page: the home region from the ID number, tiles grouped by category, the colour-only one disabled.
  await page.locator('#cards-services:visible').click();
  await page.locator('#service-tile-tl_demo_pension:visible').waitFor({ timeout: 15000 });
  expect(await visibleText(page, '#services-region')).toContain('北京市');
  expect(await page.locator('[id^="services-group-"]:visible').evaluateAll((groups) => groups.map((g) => g.id))).toEqual([
    'services-group-pension',
    'services-group-housing_fund',
    'services-group-residence',
  ]);
  const housing = page.locator('#service-tile-tl_demo_housing:visible');
  expect(await housing.getAttribute('data-available')).toBe('no');
  expect(await housing.getAttribute('role')).toBeNull(); // not a button
  expect(await visibleText(page, '#service-tile-tl_demo_housing-unavailable')).toContain('需要彩色电子身份证');
  await shot(page, 'services-05-services-page');
  await expectAccessible(page, 'services page');

  const tilesShown = () => page.locator('[id^="service-tile-tl_"][data-available]:visible').evaluateAll((all) => all.map((tile) => tile.id));
  await page.locator('#services-search:visible input').fill('查询');
  await expect(tilesShown()).resolves.toEqual(['service-tile-tl_demo_pension']);
  await page.locator('#services-search:visible input').fill('housing');
  await expect(tilesShown()).resolves.toEqual(['service-tile-tl_demo_housing']);
  await page.locator('#services-search:visible input').fill('驾照');
  await page.locator('#services-no-match:visible').waitFor();
  await page.locator('#services-search:visible input').fill('');

  // First use: the consent screen names the partner and its credit code, explains each attribute; nothing is ticked.
  await page.locator('#service-tile-tl_demo_pension:visible').click();
  await page.locator('#service-consent-accept:visible').waitFor({ timeout: 10000 });
  expect(await visibleText(page, '#service-consent-partner')).toContain('SIMULATED partner');
  expect(await visibleText(page, '#service-consent-credit-code')).toBe('12100000MB0000000L');
  expect(await visibleText(page, '#service-consent-purpose')).toContain('养老金');
  expect(await visibleText(page, '#service-consent-duration')).toContain('365');
  expect(await visibleText(page, '#service-consent-scope-birthDate')).toContain('出生年月日');
  const boxes = page.locator('[role="checkbox"]:visible');
  expect(await boxes.evaluateAll((all) => all.map((b) => [b.id, b.getAttribute('aria-checked')]))).toEqual([
    ['service-consent-sensitive-fullName', 'false'],
    ['service-consent-optional-region', 'false'],
  ]);
  await expectAccessible(page, 'service consent');

  // Full name (sensitive, its own tick) ticked; region left unticked.
  await page.locator('#service-consent-sensitive-fullName:visible').click();
  await shot(page, 'services-06-consent');
  await page.locator('#service-consent-accept:visible').click();

  // The demo partner's page: its backend exchanged the code; the code is gone from the address.
  await page.waitForURL(/\/partners\/demo\//, { timeout: 15000 });
  await page.locator('#demo-result').waitFor({ state: 'visible', timeout: 15000 });
  expect(page.url()).not.toContain('code=');
  const received = await page
    .locator('#demo-attributes dd')
    .evaluateAll((all) => Object.fromEntries(all.map((dd) => [(dd as HTMLElement).dataset.scope, dd.textContent])));
  expect(received).toEqual({ verified: '是 (yes)', birthDate: '1990-03-07', fullName: person.name, region: '未授权 (not granted)' });
  const subject = (await page.locator('#demo-subject').textContent()) ?? '';
  expect(subject).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
  expect(subject).not.toContain(person.idNumber.slice(6, 14));
  await shot(page, 'services-07-demo-partner');

  // Back in the app: the records page shows the exchange next to the counter verifications.
  await page.locator('#demo-back').click();
  await page.locator('#cards-open:visible').click();
  await page.locator('#card-unlock:visible').click();
  await page.locator('#card-usage:visible').click();
  const record = page.locator('[id^="exchanges-item-"]:visible').first();
  await record.waitFor({ timeout: 10000 });
  const recordText = (await record.textContent()) ?? '';
  expect(recordText).toContain('SIMULATED partner');
  expect(recordText).toContain('养老金查询（模拟）');
  expect(recordText).toMatch(/完整姓名.*出生日期/);
  expect(recordText).not.toContain('所属地区');
  await page.waitForTimeout(400);
  await shot(page, 'services-08-records');

  // A code issued under the grant before it is revoked…
  const openid = await page.evaluate(() => window.localStorage.getItem('eid.devOpenid') ?? '');
  const pending = await post(emulator.baseUrl, '/fn/citizen', { action: 'authorize', tileId: 'tl_demo_pension' }, openid);
  expect(pending.ok).toBe(true);

  // …then My authorisations: revoke.
  await page.locator('#usage-header-back:visible').click();
  await page.locator('#card-header-back:visible').click();
  await page.locator('#cards-services:visible').click();
  await page.locator('#services-grants:visible').click();
  const revoke = page.locator('[id^="grants-revoke-"]:visible').first();
  await revoke.waitFor({ timeout: 10000 });
  await expectAccessible(page, 'my authorisations');
  await revoke.click();
  await page.locator('#grants-revoked:visible').waitFor({ timeout: 10000 });
  expect(await page.locator('[id^="grants-item-"]:visible').first().getAttribute('data-status')).toBe('revoked');
  await shot(page, 'services-09-grant-revoked');

  // The partner's next exchange fails with its code, on the partner's own page.
  await page.goto(`${emulator.baseUrl}/partners/demo/?service=pension&code=${encodeURIComponent(pending.code as string)}`);
  await page.locator('#demo-error').waitFor({ state: 'visible', timeout: 10000 });
  expect(await page.locator('#demo-error-code').textContent()).toBe('GRANT_REVOKED');
  await shot(page, 'services-10-revoked-code-refused');
}, 120000);
