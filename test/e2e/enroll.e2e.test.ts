/**
 * End to end: `npm start`'s emulator serving the h5 build, driven in Debian's
 * Chromium. A citizen enrolls a SYNTHETIC identity through every page and sees
 * the card; a face that does not match shows its reason. Screenshots go to
 * test-output/e2e/.
 */
import { newPhone, shot, useEmulatorAndChromium } from './browser';
import { personFor } from '../support/people';
import { enrollThroughPages } from './pages';

const world = useEmulatorAndChromium();

it('enrolls a synthetic citizen through every page and shows the basic card', async () => {
  const page = await newPhone(world.browser);
  const person = personFor('ordinary');
  await enrollThroughPages(page, world.emulator.baseUrl, person, shot);

  await expect(page.locator('#result-title:visible').textContent()).resolves.toMatch(/成功|已领取|签发/);
  await shot(page, '06-result-success');
  await page.locator('#result-view-card:visible').click();
  await page.locator('#card-unlock:visible').click();
  await page.locator('#card-masked-id:visible').waitFor();
  await page.waitForTimeout(500); // let the page's slide-in transition finish before the screenshot
  await shot(page, '07-card');
  expect(await page.locator('#card-masked-id:visible').textContent()).toContain(`${person.idNumber.slice(0, 3)}***********${person.idNumber.slice(-4)}`);
  // Masked by core/mask's one rule, as everywhere (the consent page shows the same).
  // The family name hidden, the given name shown (李明华, the synthetic ordinary person).
  expect(await page.locator('#card-masked-name:visible').textContent()).toBe('*明华');
  expect(await page.locator('#card-level:visible').textContent()).toMatch(/基础/);
  const body = (await page.locator('body').innerText()).replace(/\s/g, '');
  expect(body).not.toContain(person.idNumber);
  expect(body).not.toContain(person.name);
}, 60000);

it('shows the precise reason when the face does not match', async () => {
  const page = await newPhone(world.browser);
  await enrollThroughPages(page, world.emulator.baseUrl, personFor('face_mismatch'), shot, 'mismatch-');
  const title = await page.locator('#result-title:visible').textContent();
  const reason = await page.locator('#result-reason:visible').textContent();
  await shot(page, 'mismatch-06-result');
  expect(title).toContain('人脸与身份信息不一致');
  expect(reason?.length).toBeGreaterThan(4);
  expect(await page.locator('#result-extra:visible').textContent()).toContain('2');
}, 60000);

it('explains an ID number with a wrong check character before anything is sent', async () => {
  const page = await newPhone(world.browser);
  await page.goto(world.emulator.baseUrl + '/');
  await page.locator('#enroll-start:visible').click();
  await page.locator('#enroll-name:visible input').fill('李明华');
  await page.locator('#enroll-id-number:visible input').fill('110105199003071238');
  await page.locator('#enroll-submit:visible').click();
  // The reason stands once, next to its field; the line under the button only points at the field.
  await expect(page.locator('#enroll-id-number-error:visible').textContent()).resolves.toMatch(/校验/);
  await expect(page.locator('#enroll-error:visible').textContent()).resolves.toContain('身份证号码');
  expect((await page.locator('body').innerText()).match(/校验码/g)).toHaveLength(1);
  await shot(page, 'invalid-id-number');
}, 60000);
