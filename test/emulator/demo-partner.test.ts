/**
 * The emulator's SIMULATED demo partner over HTTP, as `npm start` runs it:
 * seeded tiles on the services page, its page at /partners/demo/, and its
 * backend exchanging a citizen's code through the partner function with the
 * partner kit (fresh assertion, JWKS check).
 */
import type { AuthorizationView, ServicesView } from '../../core/services-api';
import { PartnerClient } from '../../server/clients/partner-kit';
import { loadDemoPartner } from '../../server/clients/demo-partner-key';
import { startEmulator, type RunningEmulator } from '../support/emulator-process';
import { enrollOverHttp, post } from '../support/http-citizen';
import { personFor, typed } from '../support/people';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
  const enrolled = await enrollOverHttp(emulator.baseUrl, 'dev-demo-partner', typed(personFor('ordinary')));
  if (!enrolled.ok) throw new Error(enrolled.code);
}, 30000);
afterAll(() => emulator.stop());

const citizen = (event: object) => post(emulator.baseUrl, '/fn/citizen', event, 'dev-demo-partner');
const demoExchange = (code: unknown) => post(emulator.baseUrl, '/partners/demo/api/exchange', { code });

it('seeds three demo tiles: pension for everyone, housing needing a colour card, residence for Beijing only', async () => {
  const home = (await citizen({ action: 'listServices' })) as unknown as ServicesView;
  expect(home.tiles.map((t) => [t.tileId, t.available])).toEqual([
    ['tl_demo_pension', true],
    ['tl_demo_housing', false],
    ['tl_demo_residence', true],
  ]);
  const shanghai = (await citizen({ action: 'listServices', region: '310100' })) as unknown as ServicesView;
  expect(shanghai.tiles.map((t) => t.tileId)).toEqual(['tl_demo_pension', 'tl_demo_housing']);
});

it('its backend exchanges a code for exactly the granted attributes and the pseudonym, once', async () => {
  const authorization = (await citizen({ action: 'authorize', tileId: 'tl_demo_pension', consent: { optional: ['region'], sensitive: [] } })) as unknown as AuthorizationView;
  expect(authorization.target).toEqual({ type: 'web', url: `${emulator.baseUrl}/partners/demo/?service=pension` });
  const answer = await demoExchange(authorization.code);
  expect(answer).toMatchObject({ ok: true, scopes: ['verified', 'pseudonym', 'birthDate', 'region'], attributes: { verified: true, birthDate: '1990-03-07', region: '110100' } });
  expect((answer as { subject?: string }).subject).toMatch(/^ps_/);
  expect(await demoExchange(authorization.code)).toMatchObject({ ok: false, code: 'AUTH_CODE_USED' });
  expect(await demoExchange(42)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });

  const records = (await citizen({ action: 'listExchanges' })) as unknown as { exchanges: Array<{ partnerName: string }> };
  expect(records.exchanges[0].partnerName).toMatch(/SIMULATED/);
});

it('the partner kit, with the demo partner’s key, checks the issuer signature of what it receives', async () => {
  const { code } = (await citizen({ action: 'authorize', tileId: 'tl_demo_pension' })) as unknown as AuthorizationView;
  const credential = loadDemoPartner(emulator.dataDir);
  const client = new PartnerClient({
    functionUrl: `${emulator.baseUrl}/fn/partner`,
    jwksUrl: `${emulator.baseUrl}/.well-known/jwks.json`,
    partnerId: credential.partnerId,
    privateKey: credential.privateKey,
  });
  const release = await client.exchange(code);
  expect(release.attributes).toEqual({ verified: true, birthDate: '1990-03-07', region: '110100' });
  const { tiles } = await client.tileStatus();
  expect(tiles.map((t) => t.status)).toEqual(['approved', 'approved', 'approved']);
});

it('serves the page with its own CSP and no referrer, and refuses other origins at its backend', async () => {
  const page = await fetch(`${emulator.baseUrl}/partners/demo/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  expect(await page.text()).toContain('SIMULATED partner');
  const crossOrigin = await fetch(`${emulator.baseUrl}/partners/demo/api/exchange`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    body: '{"code":"x"}',
  });
  expect(crossOrigin.status).toBe(403);
  expect((await fetch(`${emulator.baseUrl}/partners/demo/secrets.json`)).status).toBe(404);
});
