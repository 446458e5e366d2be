/**
 * The upgrade terminal directory: admin-managed entries, the emulator's pilot
 * cities seeded, listed by city with "open now" by the frozen clock (UTC+8).
 */
import type { UpgradeSiteView } from '../../core/upgrade-directory';
import { PILOT_CITY_CODES, isWithinHours } from '../../core/upgrade-directory';
import { signAdminAssertion } from '../../server/clients/assertions';
import { seedUpgradeSites } from '../../server/emulator/pilot-upgrade-sites';
import { FrozenClock } from '../support/frozen-clock';
import { createHarness, expectFailure, expectOk, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = createHarness();
  await seedUpgradeSites(h.emulator.deps);
});
afterEach(() => h.close());

const list = async (city?: string) => (expectOk(await h.call('alice', { action: 'listUpgradeSites', ...(city && { city }) })) as unknown as { sites: UpgradeSiteView[] }).sites;
const admin = (event: Record<string, unknown>) => h.emulator.functions.admin({ assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()), ...event }, {});

it('seeds at least one place in each pilot city, with GB/T 2260 codes, and filters by city', async () => {
  const all = await list();
  expect(new Set(all.map((s) => s.city))).toEqual(new Set(PILOT_CITY_CODES));
  const guangzhou = await list('440100');
  expect(guangzhou.length).toBeGreaterThan(0);
  expect(guangzhou.every((s) => s.city === '440100')).toBe(true);
});

it('says which places are open now in China Standard Time, and never one out of service', async () => {
  // 2026-11-30 is a Monday: 10:00 in Beijing is 02:00 UTC.
  h.clock.advance(Date.parse('2026-11-30T02:00:00Z') - h.clock.now().getTime());
  const monday = await list();
  expect(monday.find((s) => s.id === 'bj-dongcheng')?.openNow).toBe(true);
  expect(monday.find((s) => s.id === 'wz-lucheng')).toMatchObject({ status: 'closed', openNow: false });
  h.clock.advance(12 * 60 * 60 * 1000); // 22:00 in Beijing
  expect((await list()).find((s) => s.id === 'bj-dongcheng')?.openNow).toBe(false);
});

it('lets an administrator add a place and take it out of service; refuses a bad city code', async () => {
  const entry = { action: 'putUpgradeSite', id: 'gz-test', city: '440100', name: '测试点 (synthetic)', address: '测试地址 (synthetic)', hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59' }, status: 'open' };
  expectOk(await admin(entry));
  expect((await list('440100')).find((s) => s.id === 'gz-test')).toMatchObject({ name: '测试点 (synthetic)', openNow: true });
  expectOk(await admin({ ...entry, status: 'closed' }));
  expect((await list('440100')).find((s) => s.id === 'gz-test')).toMatchObject({ status: 'closed', openNow: false });
  expect(expectFailure(await admin({ ...entry, city: 'Guangzhou' })).code).toBe('INVALID_INPUT');
  expect(expectFailure(await h.emulator.functions.admin({ ...entry, assertion: 'forged' }, {})).code).toBe('ADMIN_UNAUTHORIZED');
});

it('reads hours in UTC+8 whatever the instant: a Sunday evening in UTC is already Monday in Beijing', () => {
  const weekdays = { days: [1], opens: '06:00', closes: '07:00' };
  expect(isWithinHours(weekdays, new Date('2026-11-29T22:30:00Z'))).toBe(true);
  expect(isWithinHours(weekdays, new FrozenClock('2026-11-29T21:30:00Z').now())).toBe(false);
});
