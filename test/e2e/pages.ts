/** The enrollment journey through the h5 pages, as a person would click it. Taro keeps earlier pages hidden in the DOM, hence :visible. */
import type { Page } from 'playwright-core';

type Shot = (page: Page, name: string) => Promise<unknown>;

/** Clicks through each liveness step the face page asks for, then types the digits it shows. */
export async function answerFaceChallenge(page: Page): Promise<void> {
  await page.locator('[id^="face-step-"]:visible').first().waitFor();
  for (let guard = 0; guard < 8; guard++) {
    const step = page.locator('[id^="face-step-"]:visible');
    if ((await step.count()) === 0) break;
    await step.first().click();
  }
  const digits = ((await page.locator('#face-challenge-digits:visible').textContent()) ?? '').replace(/\D/g, '');
  await page.locator('#face-digits:visible input').fill(digits);
}

export async function enrollThroughPages(page: Page, baseUrl: string, person: { name: string; idNumber: string }, shot: Shot, prefix = ''): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.locator('#enroll-start:visible').waitFor();
  await shot(page, `${prefix}01-card-package-empty`);
  await page.locator('#enroll-start:visible').click();

  await page.locator('#enroll-name:visible input').fill(person.name);
  await page.locator('#enroll-id-number:visible input').fill(person.idNumber);
  await shot(page, `${prefix}02-enroll-form`);
  await page.locator('#enroll-submit:visible').click();

  await page.locator('#consent-check:visible').click();
  await shot(page, `${prefix}03-consent`);
  await page.locator('#consent-accept:visible').click();

  await answerFaceChallenge(page);
  await shot(page, `${prefix}04-face-check`);
  await page.locator('#face-submit:visible').click();
  await page.locator('#result-title:visible').waitFor({ timeout: 15000 });
}
