/**
 * Bad input and abuse of the services journey: every manifest field wrong in
 * turn, oversize, markup, foreign domains and appIds, unapproved scopes;
 * partner assertions expired, reused, forged; onboarding refusals. Each is
 * refused with its own code and writes nothing (a partner's assertion id is
 * spent on every authenticated call, which is the point of it).
 */
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ASSERTION_AUDIENCE } from '../../core/policy';
import { signPartnerAssertion } from '../../server/clients/partner-kit';
import { composeServices } from '../../server/composition/compose-services';
import { createAdminFunction } from '../../server/functions/admin';
import { createPartnerFunction } from '../../server/functions/partner';
import { signAdminAssertion } from '../../server/clients/assertions';
import { createHarness, expectFailure, expectOk, type Harness } from '../support/harness';
import { adminCall, onboardedPartner, partnerCall, pensionManifest, syntheticCreditCode, type TestPartner } from '../support/services';

let h: Harness;
let partner: TestPartner;
beforeEach(async () => {
  h = createHarness();
  partner = await onboardedPartner(h, { scopes: ['birthDate', 'fullName', 'region'] });
});
afterEach(() => h.close());

const tableCounts = () => {
  const { partner_assertions: _spent, ...rest } = h.rowCounts();
  return rest;
};

/** Submits a manifest built from the valid one with `change` applied; expects a refusal that wrote nothing. */
async function refusedManifest(change: (m: Record<string, any>) => void) {
  const manifest = structuredClone(pensionManifest()) as Record<string, any>;
  change(manifest);
  const before = tableCounts();
  const failure = expectFailure(await partnerCall(h, partner, { action: 'submitTile', manifest }));
  expect(tableCounts()).toEqual(before);
  return failure;
}

describe('a tile manifest is refused field by field, naming the field, and nothing is written', () => {
  const big = 'x'.repeat(10_000);
  it.each<[string, (m: Record<string, any>) => void, string]>([
    ['title missing', (m) => delete m.title, 'manifest.title'],
    ['title.zh empty', (m) => (m.title.zh = ''), 'manifest.title.zh'],
    ['title.zh oversize', (m) => (m.title.zh = big), 'manifest.title.zh'],
    ['title.en a number', (m) => (m.title.en = 5), 'manifest.title.en'],
    ['description.en oversize', (m) => (m.description.en = big), 'manifest.description.en'],
    ['description.fr (unknown language)', (m) => (m.description.fr = 'Bonjour'), 'unknown field'],
    ['icon not in the set', (m) => (m.icon = 'https://evil.example/x.png'), 'manifest.icon'],
    ['category unknown', (m) => (m.category = 'casino'), 'manifest.category'],
    ['regions empty', (m) => (m.regions = []), 'manifest.regions'],
    ['regions: a county code', (m) => (m.regions = ['110105']), 'manifest.regions.0'],
    ['regions: an unknown province', (m) => (m.regions = ['990000']), 'manifest.regions.0'],
    ['regions: nationwide with a city', (m) => (m.regions = ['nationwide', '110100']), 'manifest.regions'],
    ['regions: the same twice', (m) => (m.regions = ['110000', '110000']), 'manifest.regions'],
    ['regions: too many', (m) => (m.regions = Array.from({ length: 51 }, (_, i) => `11${String(i).padStart(2, '0')}00`)), 'manifest.regions'],
    ['minLevel unknown', (m) => (m.minLevel = 'gold'), 'manifest.minLevel'],
    ['target type unknown', (m) => (m.target = { type: 'app', url: 'https://pension.example.gov.cn/' }), 'manifest.target.type'],
    ['target plain http', (m) => (m.target.url = 'http://pension.example.gov.cn/eid'), 'manifest.target.url'],
    ['target javascript:', (m) => (m.target.url = 'javascript:alert(1)'), 'manifest.target.url'],
    ['target with user info', (m) => (m.target.url = 'https://user:pw@pension.example.gov.cn/'), 'manifest.target.url'],
    ['target with a fragment', (m) => (m.target.url = 'https://pension.example.gov.cn/#x'), 'manifest.target.url'],
    ['target oversize', (m) => (m.target.url = `https://pension.example.gov.cn/${big}`), 'manifest.target.url'],
    ['mini-program appId malformed', (m) => (m.target = { type: 'miniProgram', appId: 'wxNOTHEX', path: 'pages/a' }), 'manifest.target.appId'],
    ['mini-program path climbing', (m) => (m.target = { type: 'miniProgram', appId: 'wx0123456789abcdef', path: '../x' }), 'manifest.target.path'],
    ['scopes: unknown scope', (m) => (m.scopes.required = ['salary']), 'manifest.scopes.required.0'],
    ['scopes: verified is not requested, it comes', (m) => (m.scopes.optional = ['verified']), 'manifest.scopes.optional.0'],
    ['scopes: required and optional at once', (m) => (m.scopes.optional = ['birthDate']), 'manifest.scopes.optional.0'],
    ['purpose missing', (m) => delete m.purpose, 'manifest.purpose'],
    ['an extra field', (m) => (m.webhook = 'https://x.example.com'), 'unknown field'],
  ])('%s', async (_, change, field) => {
    const failure = await refusedManifest(change);
    expect([failure.code, failure.details?.field]).toEqual(['INVALID_INPUT', field]);
  });

  it.each([
    ['a script tag', '<script>1'],
    ['an image tag', '养老<img src=x>'],
    ['a control character', '养老\u0007金'],
    ['a newline', '养老\n金'],
    ['a right-to-left override', '养老\u202e金'],
    ['a zero-width space', '养\u200b老'],
  ])('refuses %s in shown text as markup', async (_, text) => {
    for (const path of [['title', 'zh'], ['description', 'en'], ['purpose', 'zh']] as const) {
      const failure = await refusedManifest((m) => (m[path[0]][path[1]] = text));
      expect([failure.code, failure.reason, failure.details?.field]).toEqual(['INVALID_INPUT', 'markup', `manifest.${path.join('.')}`]);
    }
  });

  it('refuses a domain the partner has not registered (TARGET_NOT_REGISTERED)', async () => {
    const failure = await refusedManifest((m) => (m.target.url = 'https://pension.example-phish.cn/eid'));
    expect([failure.code, failure.details?.field]).toEqual(['TARGET_NOT_REGISTERED', 'manifest.target.url']);
    const subdomain = await refusedManifest((m) => (m.target.url = 'https://evil.pension.example.gov.cn/eid'));
    expect(subdomain.code).toBe('TARGET_NOT_REGISTERED');
  });

  it('refuses an appId not registered to the partner (TARGET_NOT_REGISTERED)', async () => {
    const failure = await refusedManifest((m) => (m.target = { type: 'miniProgram', appId: 'wxfedcba9876543210', path: 'pages/index/index' }));
    expect([failure.code, failure.details?.field]).toEqual(['TARGET_NOT_REGISTERED', 'manifest.target.appId']);
  });

  it('refuses a scope the partner is not approved for (SCOPE_NOT_ALLOWED)', async () => {
    const failure = await refusedManifest((m) => (m.scopes.optional = ['region', 'idNumber']));
    expect([failure.code, failure.details?.field]).toEqual(['SCOPE_NOT_ALLOWED', 'manifest.scopes.optional.1']);
  });

  it('refuses a loopback target outside the emulator', async () => {
    // The emulator allows its sample partner's 127.0.0.1 page; a deployment's composition does not.
    const deployed = composeServices({ store: h.emulator.services.store, keys: { pairwise: h.emulator.services.pairwise, codes: h.emulator.services.codes } as never, issuerKey: h.emulator.issuer.current });
    const admin = createAdminFunction(h.emulator.deps, h.emulator.adminKey, { info() {}, error() {} }, deployed);
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { x, y } = publicKey.export({ format: 'jwk' });
    const onboarding = expectFailure(
      await admin(
        {
          action: 'onboardPartner',
          assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()),
          name: 'Loopback partner (synthetic)',
          creditCode: syntheticCreditCode(900),
          contact: 'nobody',
          scopes: ['birthDate'],
          domains: ['pension.example.gov.cn', '127.0.0.1'],
          appIds: [],
          publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y },
        },
        {},
      ),
    );
    expect([onboarding.code, onboarding.reason, onboarding.details?.field]).toEqual(['INVALID_INPUT', 'loopback', 'domains.1']);

    const partnerFn = createPartnerFunction(h.emulator.deps, deployed, { info() {}, error() {} });
    const manifest = pensionManifest({ target: { type: 'web', url: 'http://127.0.0.1:8787/partners/demo/' } });
    const submission = expectFailure(await partnerFn({ action: 'submitTile', manifest, assertion: signPartnerAssertion(partner, h.clock.now()) }, {}));
    expect([submission.code, submission.reason]).toEqual(['INVALID_INPUT', 'loopback']);
  });
});

describe('partner assertions: algorithm pinned, audience, expiry, one use each', () => {
  const tileStatus = (assertion: string) => h.emulator.functions.partner({ action: 'tileStatus', assertion }, {});
  const claims = () => {
    const iat = Math.floor(h.clock.now().getTime() / 1000);
    return { iat, exp: iat + 60, iss: partner.partnerId, aud: ASSERTION_AUDIENCE.partner, jti: 'a-fresh-assertion-id-0001' };
  };

  it('accepts a fresh assertion once and refuses it the second time (ASSERTION_REUSED)', async () => {
    const assertion = signPartnerAssertion(partner, h.clock.now());
    expectOk(await tileStatus(assertion));
    const again = expectFailure(await tileStatus(assertion));
    expect([again.code, again.reason]).toEqual(['ASSERTION_REUSED', 'replay']);
  });

  it('refuses an expired one, one for another audience, one without a jti, one signed by another key, and one naming nobody alike', async () => {
    const expired = signPartnerAssertion(partner, new Date(h.clock.now().getTime() - 10 * 60_000));
    const { privateKey: strangerKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const sign = (payload: object, key = partner.privateKey, kid = partner.partnerId) => jwt.sign(payload, key, { algorithm: 'ES256', keyid: kid });
    const { jti: _jti, ...noJti } = claims();
    const refused = [
      expired,
      sign({ ...claims(), aud: ASSERTION_AUDIENCE.terminal }),
      sign(noJti),
      sign(claims(), strangerKey),
      sign({ ...claims(), iss: 'pt_nobody' }, strangerKey, 'pt_nobody'),
      jwt.sign(claims(), 'a-shared-secret', { algorithm: 'HS256', keyid: partner.partnerId }),
      'not.a.jwt',
    ];
    const before = h.rowCounts();
    for (const assertion of refused) {
      const failure = expectFailure(await tileStatus(assertion));
      expect([failure.code, failure.reason]).toEqual(['PARTNER_UNAUTHORIZED', 'assertion']);
    }
    expect(h.rowCounts()).toEqual(before);
  });

  it('refuses a partner event without an assertion before anything else', async () => {
    const failure = expectFailure(await h.emulator.functions.partner({ action: 'tileStatus' }, {}));
    expect([failure.code, failure.details?.field]).toEqual(['INVALID_INPUT', 'assertion']);
  });
});

describe('onboarding refusals', () => {
  it('refuses a second partner with the same credit code (PARTNER_EXISTS), a wrong check character, and a key off the curve', async () => {
    const { partners } = expectOk(await adminCall(h, { action: 'listPartners' })) as unknown as { partners: Array<{ creditCode: string }> };
    const before = tableCounts(); // each admin assertion is spent by design; nothing else may be written
    expect(expectFailure(await onboardFailure({ creditCode: partners[0].creditCode })).code).toBe('PARTNER_EXISTS');
    const checksum = expectFailure(await onboardFailure({ creditCode: syntheticCreditCode(2).slice(0, 17) + '0' }));
    expect([checksum.code, checksum.reason, checksum.details?.field]).toEqual(['INVALID_INPUT', 'checksum', 'creditCode']);
    const offCurve = expectFailure(await onboardFailure({ publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) } }));
    expect([offCurve.code, offCurve.reason]).toEqual(['INVALID_INPUT', 'public_key']);
    const markup = expectFailure(await onboardFailure({ name: '<b>社保</b>' }));
    expect([markup.code, markup.reason, markup.details?.field]).toEqual(['INVALID_INPUT', 'markup', 'name']);
    const scope = expectFailure(await onboardFailure({ scopes: ['salary'] }));
    expect(scope.details?.field).toBe('scopes.0');
    expect(tableCounts()).toEqual(before);
  });

  it('refuses an admin call without a valid admin assertion', async () => {
    const failure = expectFailure(await h.emulator.functions.admin({ action: 'listPartners', assertion: 'forged' }, {}));
    expect(failure.code).toBe('ADMIN_UNAUTHORIZED');
  });

  async function onboardFailure(overrides: Record<string, unknown>) {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { x, y } = publicKey.export({ format: 'jwk' });
    return adminCall(h, {
      action: 'onboardPartner',
      name: 'Another partner (synthetic)',
      creditCode: syntheticCreditCode(77),
      contact: 'nobody',
      scopes: ['birthDate'],
      domains: [],
      appIds: [],
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y },
      ...overrides,
    });
  }
});
