/**
 * @jest-environment jsdom
 *
 * The upgrade terminal directory (journey 4) on the BUILT weapp (dist/weapp)
 * in miniprogram-simulate: every pilot city's sites, then one city's by the
 * filter, the chosen city said to a screen reader; whether a site is open now
 * in words, not by colour alone; a city without sites; a failed load with a
 * retry that asks for the same city. Cloud calls are answered here from a
 * SYNTHETIC directory.
 */
import type { UpgradeSiteView } from '../../core/upgrade-directory';
import { failure } from '../../core/failure';
import { errorTitle, translator } from '../../src/i18n/translate';
import { textOf, until } from './support/journeys';
import { loadWeapp, type Weapp, type WeappPage } from './support/load-weapp';

const SITES_PAGE = 'pages/upgrade/sites/index';
const t = translator('zh');

const SITES: UpgradeSiteView[] = [
  {
    id: 'gz-tianhe',
    city: '440100',
    name: '天河区政务服务中心（合成）',
    address: '天河路 1 号 (synthetic)',
    hours: { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:30' },
    status: 'open',
    openNow: true,
  },
  {
    id: 'gz-haizhu',
    city: '440100',
    name: '海珠区政务服务中心（合成）',
    address: '江南大道 2 号 (synthetic)',
    hours: { days: [6, 7], opens: '10:00', closes: '16:00' },
    status: 'closed',
    openNow: false,
  },
  {
    id: 'xm-siming',
    city: '350200',
    name: '思明区行政服务中心（合成）',
    address: '湖滨北路 3 号 (synthetic)',
    hours: { days: [1, 3, 5], opens: '08:30', closes: '12:00' },
    status: 'open',
    openNow: false,
  },
];

let weapp: Weapp;
const asked: Array<{ action: string; city?: string }> = [];
/** Answers a test gives instead of the directory's, in turn. */
const refusals: unknown[] = [];

beforeAll(() => {
  weapp = loadWeapp();
  weapp.onCallFunction((_name, data) => {
    const event = data as { action: string; city?: string };
    if (event.action !== 'listUpgradeSites') return failure('INTERNAL');
    asked.push(event);
    if (refusals.length) return refusals.shift();
    return { ok: true, sites: SITES.filter((site) => event.city === undefined || site.city === event.city) };
  });
});

beforeEach(() => {
  weapp.clearCalls();
  asked.length = 0;
  refusals.length = 0;
});

afterEach(() => weapp.closeAll());

const variantOf = (page: WeappPage, selector: string) => String(page.attr(selector, 'class')).match(/eid-button--(primary|secondary)/)?.[1];
const listed = (page: WeappPage) => SITES.map((site) => site.id).filter((id) => page.find(`#sites-item-${id}`));

it('lists every pilot city’s sites with their address, hours and whether each is open now, in words', async () => {
  const page = await weapp.open(SITES_PAGE);
  await until(page, '#sites-item-gz-tianhe');
  expect(weapp.calls('setNavigationBarTitle').map((call) => call.options.title)).toContain(t('title.upgradeSites'));
  expect(asked).toEqual([{ action: 'listUpgradeSites' }]);
  expect(listed(page)).toEqual(['gz-tianhe', 'gz-haizhu', 'xm-siming']);
  expect(variantOf(page, '#sites-city-all')).toBe('primary');

  const tianhe = textOf(page, '#sites-item-gz-tianhe') ?? '';
  expect(tianhe).toContain('天河区政务服务中心（合成）');
  expect(tianhe).toContain('广州 · 天河路 1 号 (synthetic)');
  expect(tianhe).toContain(t('sites.hours', { days: '周一、周二、周三、周四、周五', opens: '09:00', closes: '17:30' }));
  expect(textOf(page, '#sites-state-gz-tianhe')).toBe(`● ${t('sites.openNow')}`);
  expect(textOf(page, '#sites-state-gz-haizhu')).toBe(`○ ${t('sites.outOfService')}`);
  expect(textOf(page, '#sites-state-xm-siming')).toBe(`○ ${t('sites.closedNow')}`);
});

it('the city filter asks for one city’s sites and says which city is chosen; a city without sites says so', async () => {
  const page = await weapp.open(SITES_PAGE);
  await until(page, '#sites-item-gz-tianhe');
  expect(page.attr('#sites-city-440100', 'ariaLabel')).toBe('广州');

  await page.tap('#sites-city-440100');
  await until(page, '#sites-item-gz-haizhu');
  expect(asked[asked.length - 1]).toEqual({ action: 'listUpgradeSites', city: '440100' });
  expect(listed(page)).toEqual(['gz-tianhe', 'gz-haizhu']);
  expect(page.attr('#sites-city-440100', 'ariaLabel')).toBe(t('sites.cityChosen', { city: '广州' }));
  expect(variantOf(page, '#sites-city-440100')).toBe('primary');
  expect(variantOf(page, '#sites-city-all')).toBe('secondary');

  await page.tap('#sites-city-610100');
  await until(page, '#sites-none');
  expect(asked[asked.length - 1]).toEqual({ action: 'listUpgradeSites', city: '610100' });
  expect(textOf(page, '#sites-none')).toBe(t('sites.none'));
  expect(listed(page)).toEqual([]);
  expect(page.attr('#sites-city-440100', 'ariaLabel')).toBe('广州');

  await page.tap('#sites-city-all');
  await until(page, '#sites-item-xm-siming');
  expect(asked[asked.length - 1]).toEqual({ action: 'listUpgradeSites' });
  expect(listed(page)).toHaveLength(SITES.length);
});

it('a directory that cannot be loaded is said in words with a retry, which asks for the same city again', async () => {
  const page = await weapp.open(SITES_PAGE);
  await until(page, '#sites-item-gz-tianhe');
  refusals.push(failure('INTERNAL', { reason: 'network' }));
  await page.tap('#sites-city-350200');
  await until(page, '#sites-error');
  expect(textOf(page, '#sites-error')).toContain(t('fail.INTERNAL.network'));
  expect(textOf(page, '#sites-error-support')).toBe(`${t('support.details')}INTERNAL · network`);
  expect(listed(page)).toEqual([]);
  expect(page.attr('#sites-retry', 'ariaLabel')).toBe(t('common.retry'));
  expect(textOf(page, '#sites-error')).not.toContain(errorTitle('INTERNAL', 'zh')); // the narrower words, not the general ones

  await page.tap('#sites-retry');
  await until(page, '#sites-item-xm-siming');
  expect(asked.slice(-2)).toEqual([
    { action: 'listUpgradeSites', city: '350200' },
    { action: 'listUpgradeSites', city: '350200' },
  ]);
  expect(page.find('#sites-error')).toBeUndefined();
  expect(listed(page)).toEqual(['xm-siming']);
});
