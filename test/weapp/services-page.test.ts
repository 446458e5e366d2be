/**
 * @jest-environment jsdom
 *
 * The services subpackage on the BUILT weapp (dist/weapp) in
 * miniprogram-simulate: tiles render grouped by category for the card's
 * region, a colour-only tile is disabled with its reason and is not a button;
 * a first tap leads to the consent screen, where nothing is ticked and a
 * sensitive attribute needs its own tick; consent gives a code that goes to a
 * partner mini-program in extraData. Cloud calls are answered here with
 * SYNTHETIC data.
 */
import { CITY_CODES } from '../../core/service-regions';
import type { AuthorizationView, ConsentView, ServicesView, TileView } from '../../core/services-api';
import { until } from './support/journeys';
import { loadWeapp, routeOf, type Weapp } from './support/load-weapp';

const tile = (tileId: string, overrides: Partial<TileView> = {}): TileView => ({
  tileId,
  partnerName: '合成测试社保中心 (synthetic)',
  title: { zh: '养老金查询（测试）', en: 'Pension query (test)' },
  description: { zh: '查询养老金（合成数据）', en: 'Pension (synthetic)' },
  icon: 'pension',
  category: 'pension',
  minLevel: 'basic',
  available: true,
  ...overrides,
});

const SERVICES: ServicesView = {
  homeRegion: { code: '110100', label: { zh: '北京市', en: 'Beijing' } },
  region: { code: '110100', label: { zh: '北京市', en: 'Beijing' } },
  tiles: [
    tile('tl_pension'),
    tile('tl_housing', {
      title: { zh: '公积金提取（测试）', en: 'Housing fund (test)' },
      category: 'housing_fund',
      icon: 'house',
      minLevel: 'colour',
      available: false,
      unavailable: 'level',
    }),
  ],
};

const CONSENT: ConsentView = {
  tile: SERVICES.tiles[0],
  partner: { name: '合成测试社保中心 (synthetic)', creditCode: '12110000MB0000001X' },
  purpose: { zh: '核实身份并查询养老金', en: 'To look up your pension' },
  always: ['verified', 'pseudonym'],
  required: ['birthDate', 'fullName'],
  optional: ['region'],
  sensitive: ['fullName'],
  grantDays: 365,
  grant: null,
};

const AUTHORIZATION: AuthorizationView = {
  code: 'synthetic.one-time.code',
  expiresAt: '2099-01-01T00:00:00.000Z',
  target: { type: 'miniProgram', appId: 'wx0123456789abcdef', path: 'pages/eid/index' },
  grantId: 'gr_synthetic',
};

let weapp: Weapp;
const events: Array<{ action: string } & Record<string, unknown>> = [];

beforeAll(() => {
  weapp = loadWeapp();
  weapp.onCallFunction((_name, data) => {
    const event = data as { action: string } & Record<string, unknown>;
    events.push(event);
    if (event.action === 'listServices') return { ok: true, ...SERVICES };
    if (event.action === 'getTileConsent') return { ok: true, ...CONSENT };
    if (event.action === 'authorize') return { ok: true, ...AUTHORIZATION };
    return { ok: false, code: 'INTERNAL', message: 'not in this test' };
  });
});

beforeEach(() => {
  weapp.clearCalls();
  events.length = 0;
});
afterEach(() => weapp.closeAll());


it('the services page is a subpackage of its own', () => {
  expect(weapp.appJson.subPackages).toContainEqual({ root: 'pages/services', pages: ['index', 'consent/index', 'grants/index', 'open/index'] });
});

it('renders the region’s tiles by category; a colour-only tile is disabled with its reason and where to upgrade', async () => {
  const page = await weapp.open('pages/services/index');
  await until(page, '#service-tile-tl_pension');
  expect(events[0]).toEqual({ action: 'listServices' });
  expect(page.text()).toContain('地区：北京市');
  expect(page.find('#services-group-pension')).toBeDefined();
  expect(page.find('#services-group-housing_fund')).toBeDefined();

  expect(page.attr('#service-tile-tl_pension', 'class')).toBe('service-tile');
  expect(page.attr('#service-tile-tl_housing', 'class')).toContain('service-tile--disabled');
  expect(page.attr('#service-tile-tl_housing', 'ariaRole')).toBeUndefined();
  expect(page.attr('#service-tile-tl_pension', 'ariaRole')).toBe('button');
  const reason = page.get('#service-tile-tl_housing-unavailable').dom?.textContent ?? '';
  expect(reason).toContain('需要彩色电子身份证');
  expect(reason).toContain('升级终端');

  await page.tap('#service-tile-tl_housing');
  expect(events.map((e) => e.action)).toEqual(['listServices']); // a disabled tile asks for nothing
});

it('the city picker asks for another region’s tiles, and 回到身份证所属地 for the home region again', async () => {
  const page = await weapp.open('pages/services/index');
  await until(page, '#service-tile-tl_pension');
  const shenzhen = CITY_CODES.indexOf('440300');
  page.get('#services-city-select').dispatchEvent('change', { detail: { value: shenzhen } });
  await until(page, '#services-home');
  expect(events[events.length - 1]).toEqual({ action: 'listServices', region: '440300' });
  await page.tap('#services-home');
  expect(events[events.length - 1]).toEqual({ action: 'listServices' });
});

it('a first tap opens the consent screen: nothing ticked, the sensitive attribute needs its own tick, then the code goes in extraData', async () => {
  const services = await weapp.open('pages/services/index');
  await until(services, '#service-tile-tl_pension');
  await services.tap('#service-tile-tl_pension');
  for (let i = 0; i < 20 && weapp.calls('navigateTo').length === 0; i++) await services.settle();
  expect(routeOf(weapp.calls('navigateTo')[0]?.options.url)).toBe('/pages/services/consent/index');

  const consent = await weapp.open('pages/services/consent/index');
  await until(consent, '#service-consent-accept');
  expect(consent.text()).toContain('12110000MB0000001X');
  expect(consent.attr('#service-consent-sensitive-fullName', 'ariaChecked')).toBeFalsy();
  expect(consent.attr('#service-consent-optional-region', 'ariaChecked')).toBeFalsy();
  expect(consent.attr('#service-consent-sensitive-fullName', 'class')).toBe('eid-check');

  await consent.tap('#service-consent-accept');
  await until(consent, '#service-consent-need-tick');
  expect(events.some((e) => e.action === 'authorize')).toBe(false);

  await consent.tap('#service-consent-sensitive-fullName');
  expect(consent.attr('#service-consent-sensitive-fullName', 'ariaChecked')).toBe(true);
  await consent.tap('#service-consent-accept');
  for (let i = 0; i < 20 && weapp.calls('navigateToMiniProgram').length === 0; i++) await consent.settle();
  expect(events.find((e) => e.action === 'authorize')).toEqual({ action: 'authorize', tileId: 'tl_pension', consent: { optional: [], sensitive: ['fullName'] } });
  expect(weapp.calls('navigateToMiniProgram')[0].options).toMatchObject({
    appId: 'wx0123456789abcdef',
    path: 'pages/eid/index',
    extraData: { code: 'synthetic.one-time.code' },
  });
});
