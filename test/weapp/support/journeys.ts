/** Steps the weapp page tests share, on the built app in miniprogram-simulate. SYNTHETIC people only. */
import type { Weapp, WeappPage } from './load-weapp';

/** Opens a page and waits until `ready` shows (its first cloud calls answered). */
export async function openReady(weapp: Weapp, route: string, ready: string): Promise<WeappPage> {
  const page = await weapp.open(route);
  await until(page, ready);
  return page;
}

/** Waits for something the page shows after a cloud call (several async hops; generous, the machine may be busy). */
export async function until(page: WeappPage, selector: string): Promise<void> {
  for (let i = 0; i < 200 && !page.find(selector); i++) await page.settle();
  if (!page.find(selector)) throw new Error(`${page.route}: ${selector} never appeared; the page says: ${page.text()}`);
}

/**
 * A person through the enrollment form and the consent to the face page (the
 * draft lives in the app's memory), returned once `ready` shows there.
 */
export async function openFacePage(weapp: Weapp, person: { name: string; idNumber: string }, ready: string): Promise<WeappPage> {
  const enroll = await weapp.open('pages/enroll/index');
  await enroll.input('#enroll-name', person.name);
  await enroll.input('#enroll-id-number', person.idNumber);
  await enroll.tap('#enroll-submit');
  const consent = await weapp.open('pages/consent/index');
  await consent.tap('#consent-check');
  await consent.tap('#consent-accept');
  const face = await weapp.open('pages/face/index');
  await until(face, ready);
  return face;
}

/**
 * Does the simulated liveness challenge on a page that shows it (enrollment's
 * face page, or a face re-check inside another page): each step in turn, the
 * digits, then submit.
 */
export async function answerChallenge(page: WeappPage, challenge: { actions: readonly string[]; digits: string }): Promise<void> {
  await until(page, `#face-step-${challenge.actions[0]}`);
  for (const action of challenge.actions) await page.tap(`#face-step-${action}`);
  await page.input('#face-digits', challenge.digits);
  await page.tap('#face-submit');
}

/** The text an element shows, or undefined when it is not there. */
export const textOf = (page: WeappPage, selector: string) => page.get(selector).dom?.textContent;
