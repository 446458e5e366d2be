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

/** Ticks the consent box and waits until the page shows it ticked (a busy machine may take a moment to re-render). */
export async function tickConsent(page: Page): Promise<void> {
  await page.locator('#consent-check:visible').click();
  await page.locator('#consent-check[aria-checked="true"]:visible').waitFor();
}

/** The staff page's next person: the result goes and a fresh, empty paste box takes its place. */
export async function nextAtCounter(page: Page): Promise<void> {
  await page.locator('#staff-next:visible').click();
  await page.locator('#staff-result').waitFor({ state: 'detached' });
  await page.locator('#staff-token:visible').waitFor();
}

/**
 * Types name and number until the form accepts them. On a loaded machine the
 * page can still be settling (its slide-in, a re-render from the held draft)
 * when the first keystrokes land, and they are lost; typing again is what a
 * person would do.
 */
export async function fillEnrollForm(page: Page, person: { name: string; idNumber: string }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.locator('#enroll-name:visible input').fill(person.name);
    await page.locator('#enroll-id-number:visible input').fill(person.idNumber);
    try {
      await page.locator('#enroll-submit:not(.eid-button--blocked):visible').waitFor({ timeout: attempt < 3 ? 5000 : 30000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export async function enrollThroughPages(page: Page, baseUrl: string, person: { name: string; idNumber: string }, shot: Shot, prefix = ''): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.locator('#enroll-start:visible').waitFor();
  await shot(page, `${prefix}01-card-package-empty`);
  await page.locator('#enroll-start:visible').click();

  await fillEnrollForm(page, person);
  await shot(page, `${prefix}02-enroll-form`);
  await page.locator('#enroll-submit:visible').click();

  await tickConsent(page);
  await shot(page, `${prefix}03-consent`);
  await page.locator('#consent-accept:visible').click();

  await answerFaceChallenge(page);
  await shot(page, `${prefix}04-face-check`);
  await page.locator('#face-submit:visible').click();
  await page.locator('#result-title:visible').waitFor({ timeout: 15000 });
}

/** The current page's title as the h5 header shows it. */
export async function pageTitle(page: Page): Promise<string> {
  // During the slide-in both the old and the new page are on screen; the new one is last.
  return ((await page.locator('#page-title:visible').last().textContent()) ?? '').trim();
}

/** Goes home with the header's back buttons and in-page buttons only, never the address bar. */
export async function expectOnCardPackage(page: Page): Promise<void> {
  await page.locator('#staff-entry:visible').waitFor({ timeout: 20000 });
}

/** Measurements of the visible page, for size rules: text sizes, touch targets, anything wider than the screen. */
export interface PageMeasure {
  /** The smallest font size (CSS px) of any visible text, and where. */
  smallestText: { px: number; text: string };
  /** Interactive elements with their height and width (CSS px) and name. */
  targets: Array<{ id: string; height: number; width: number }>;
  /** Elements whose right edge passes the viewport. */
  overflowing: string[];
}

export async function measurePage(page: Page): Promise<PageMeasure> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const root = Array.from(document.querySelectorAll('.eid-page')).find(visible) ?? document.body;
    let smallest = { px: Infinity, text: '' };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || !visible(parent) || parent.closest('summary, details:not([open]) > *:not(summary)')) continue;
      const px = parseFloat(getComputedStyle(parent).fontSize);
      if (px < smallest.px) smallest = { px, text: text.slice(0, 40) };
    }
    const interactive = Array.from(root.querySelectorAll('button, [role="button"], [role="link"], [role="radio"], [role="checkbox"], input, textarea, summary')).filter(visible);
    const targets = interactive
      .filter((el) => !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || !el.closest('taro-input-core, taro-textarea-core'))
      .map((el) => {
        const rect = (el.closest('taro-button-core') ?? el).getBoundingClientRect();
        return { id: el.id || el.closest('[id]')?.id || el.tagName, height: Math.round(rect.height), width: Math.round(rect.width) };
      });
    const overflowing = Array.from(root.querySelectorAll('*'))
      .filter((el) => visible(el) && el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => el.id || el.className.toString() || el.tagName);
    return { smallestText: smallest, targets, overflowing };
  });
}
