/**
 * End to end, issue 12: every page of the h5 build, in the standard and the
 * age-friendly mode, checked with axe-core (injected from node_modules):
 * every interactive element has an accessible name and text contrast holds
 * (≥ 4.5:1); and every touch target is ≥ 44 px (≥ 60 px age-friendly), with
 * nothing wider than the 390 px screen. SYNTHETIC identities only.
 */
import type { Page } from 'playwright-core';
import { personFor } from '../support/people';
import { axeViolations, describeViolations } from './axe';
import { newPhone, useEmulatorAndChromium } from './browser';
import { answerFaceChallenge, measurePage, nextAtCounter, tickConsent } from './pages';

const world = useEmulatorAndChromium();

type Mode = 'standard' | 'elder';

/** Checks the page now on screen; collects problems instead of stopping at the first. */
async function check(page: Page, where: string, mode: Mode, problems: string[]): Promise<void> {
  await page.waitForTimeout(400); // let the slide-in finish, so only this page is measured
  const violations = await axeViolations(page);
  if (violations.length) problems.push(describeViolations(`${mode} ${where}`, violations));
  const { targets, overflowing } = await measurePage(page);
  const minimum = mode === 'elder' ? 60 : 44;
  const small = targets.filter((target) => target.height < minimum);
  if (small.length) problems.push(`${mode} ${where}: touch targets under ${minimum} px: ${JSON.stringify(small)}`);
  if (overflowing.length) problems.push(`${mode} ${where}: wider than the screen: ${overflowing.join(', ')}`);
}

async function walkEveryPage(page: Page, mode: Mode, nth: number): Promise<string[]> {
  const problems: string[] = [];
  const person = personFor('ordinary', nth);
  await page.goto(world.emulator.baseUrl + '/');
  await page.locator('#enroll-start:visible').waitFor();
  if (mode === 'elder') await page.locator('#elder-toggle:visible').click();
  await check(page, 'card package (empty)', mode, problems);

  await page.locator('#enroll-start:visible').click();
  await page.locator('#enroll-submit:visible').click(); // errors shown next to the fields
  await page.locator('#enroll-name-error:visible').waitFor();
  await check(page, 'enrollment form with errors', mode, problems);
  await page.locator('#enroll-name:visible input').fill(person.name);
  await page.locator('#enroll-id-number:visible input').fill(person.idNumber);
  await page.locator('#enroll-submit:not(.eid-button--blocked):visible').waitFor();
  await page.locator('#enroll-submit:visible').click();

  await page.locator('#consent-check:visible').waitFor();
  await check(page, 'consent', mode, problems);
  await tickConsent(page);
  await page.locator('#consent-accept:visible').click();

  await page.locator('[id^="face-step-"]:visible').first().waitFor();
  await check(page, 'face check', mode, problems);
  await answerFaceChallenge(page);
  await check(page, 'face check, digits', mode, problems);
  await page.locator('#face-submit:visible').click();

  await page.locator('#result-title:visible').waitFor({ timeout: 15000 });
  await check(page, 'result', mode, problems);
  await page.locator('#result-cards:visible').click();
  await page.locator('#cards-present:visible').waitFor();
  await check(page, 'card package (with card)', mode, problems);

  await page.locator('#cards-open:visible').click();
  await page.locator('#card-unlock:visible').waitFor();
  await check(page, 'card, locked', mode, problems);
  await page.locator('#card-unlock:visible').click();
  await page.locator('#card-masked-id:visible').waitFor();
  await check(page, 'card, open', mode, problems);
  await page.locator('#card-present:visible').click();
  await page.locator('#card-qr:visible').waitFor({ timeout: 15000 });
  await check(page, 'QR code', mode, problems);
  await page.locator('#card-qr-text-toggle:visible').click();
  const token = ((await page.locator('#card-qr-text:visible').textContent()) ?? '').trim();

  await page.locator('#card-usage:visible').click();
  await page.locator('#usage-header-back:visible').waitFor();
  await check(page, 'usage', mode, problems);
  await page.locator('#usage-header-back:visible').click();
  await page.locator('#card-header-back:visible').click();

  await page.locator('#staff-entry:visible').click();
  await page.locator('#staff-verify:visible').waitFor();
  await page.locator('#staff-verify:visible').click(); // nothing pasted: the error next to the box
  await page.locator('#staff-token-error:visible').waitFor();
  await check(page, 'staff, empty code', mode, problems);
  await page.locator('#staff-token:visible').fill(token);
  await page.locator('#staff-verify:visible').click();
  await page.locator('#staff-result:visible').waitFor();
  await check(page, 'staff, verified', mode, problems);
  await nextAtCounter(page);
  await page.locator('#staff-token:visible').fill(token);
  await page.locator('#staff-verify:visible').click();
  await page.locator('#staff-error:visible').waitFor();
  await check(page, 'staff, refused', mode, problems);
  return problems;
}

it('every page has names for every control, contrast ≥ 4.5:1, touch targets ≥ 44 px and no overflow', async () => {
  const page = await newPhone(world.browser, { injectScripts: true });
  expect((await walkEveryPage(page, 'standard', 5)).join('\n')).toBe('');
}, 120000);

it('the check itself fails on a nameless button and on grey-on-white text', async () => {
  const page = await newPhone(world.browser, { injectScripts: true });
  await page.goto(world.emulator.baseUrl + '/');
  await page.locator('#enroll-start:visible').waitFor();
  await page.evaluate(() => {
    const root = document.querySelector('.eid-page__body');
    root?.append(Object.assign(document.createElement('button'), { id: 'nameless' }));
    root?.append(Object.assign(document.createElement('p'), { id: 'faint', textContent: '浅灰文字', style: 'color:#bbb;background:#fff' }));
  });
  const ids = (await axeViolations(page)).map((violation) => violation.id);
  expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
}, 60000);

it('the same holds in the age-friendly mode, with touch targets ≥ 60 px', async () => {
  const page = await newPhone(world.browser, { injectScripts: true });
  expect((await walkEveryPage(page, 'elder', 6)).join('\n')).toBe('');
}, 120000);
