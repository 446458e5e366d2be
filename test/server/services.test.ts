/**
 * The services journey (journey 5) on real SQLite with a frozen clock:
 * onboarding, the tile lifecycle, the services page, consent, one-time codes
 * and the partner exchange. SYNTHETIC people and partners.
 */
import { AUTH_CODE_TTL_SECONDS, GRANT_VALIDITY_DAYS } from '../../core/policy';
import type { ConsentView, ExchangeResult, ExchangeView, GrantView, ServicesView, TileStatusView } from '../../core/services-api';
import { IssuerJwks } from '../../server/clients/partner-kit';
import { exchangeCode } from '../../server/domain/services/exchange-code';
import { FORGOTTEN_EXCHANGE } from '../../server/domain/services-store';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled } from '../support/journeys';
import { personFor, typed } from '../support/people';
import {
  adminCall,
  approvedTile,
  authorizeWithConsent,
  codeFor,
  exchange,
  onboardedPartner,
  partnerCall,
  pensionManifest,
  type TestPartner,
} from '../support/services';
import { changeStatus } from '../support/card-status';
import { withStepBefore } from '../support/step-between';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const services = async (openid: string, region?: string) =>
  expectOk(await h.call(openid, { action: 'listServices', ...(region && { region }) })) as unknown as ServicesView;
const tileStatus = async (partner: TestPartner, tileId: string) =>
  (expectOk(await partnerCall(h, partner, { action: 'tileStatus', tileId })) as unknown as { tiles: TileStatusView[] }).tiles[0];
const exchanged = async (partner: TestPartner, code: string) => expectOk(await exchange(h, partner, code)) as unknown as ExchangeResult;

describe('tiles move from pending to approved, rejected or suspended', () => {
  it('shows a new tile to nobody until an admin approves it; a citizen cannot authorise it meanwhile', async () => {
    await enrolled(h, 'alice');
    const partner = await onboardedPartner(h);
    const submitted = expectOk(await partnerCall(h, partner, { action: 'submitTile', manifest: pensionManifest() }));
    expect(submitted).toMatchObject({ version: 1, status: 'pending' });
    const tileId = submitted.tileId as string;

    expect((await services('alice')).tiles).toEqual([]);
    const before = h.rowCounts();
    expect(expectFailure(await authorizeWithConsent(h, 'alice', tileId, { optional: [] })).code).toBe('TILE_NOT_APPROVED');
    expect(expectFailure(await h.call('alice', { action: 'getTileConsent', tileId })).code).toBe('TILE_NOT_APPROVED');
    expect(h.rowCounts()).toEqual(before);

    expectOk(await adminCall(h, { action: 'approveTile', tileId, version: 1 }));
    expect((await services('alice')).tiles.map((t) => t.tileId)).toEqual([tileId]);
    expect(await tileStatus(partner, tileId)).toMatchObject({ status: 'approved', servingVersion: 1 });
  });

  it('tells the partner why a version was rejected; a decided version cannot be decided again', async () => {
    const partner = await onboardedPartner(h);
    const { tileId } = expectOk(await partnerCall(h, partner, { action: 'submitTile', manifest: pensionManifest() })) as { tileId: string };
    expectOk(await adminCall(h, { action: 'rejectTile', tileId, version: 1, reason: '用途说明不够具体 (purpose too vague)' }));
    const status = await tileStatus(partner, tileId);
    expect(status).toMatchObject({ status: 'rejected', servingVersion: null });
    expect(status.versions[0]).toMatchObject({ status: 'rejected', reason: '用途说明不够具体 (purpose too vague)' });
    expect(expectFailure(await adminCall(h, { action: 'approveTile', tileId, version: 1 })).code).toBe('TILE_NOT_PENDING');
    expect(expectFailure(await adminCall(h, { action: 'approveTile', tileId: 'tl_nothing', version: 1 })).code).toBe('TILE_NOT_FOUND');
  });

  it('keeps the approved version serving while an update that widens scopes waits, then serves the update once approved', async () => {
    await enrolled(h, 'alice');
    const partner = await onboardedPartner(h);
    const tileId = await approvedTile(h, partner);
    const wider = pensionManifest({
      title: { zh: '养老金查询（新版）', en: 'Pension query (new)' },
      scopes: { required: ['birthDate'], optional: ['fullName', 'region', 'idNumber'] },
    });
    expect(expectOk(await partnerCall(h, partner, { action: 'submitTile', tileId, manifest: wider }))).toMatchObject({ version: 2, status: 'pending' });

    expect((await services('alice')).tiles[0].title.zh).toBe('养老金查询（测试）');
    expect(await tileStatus(partner, tileId)).toMatchObject({ status: 'pending', servingVersion: 1 });
    const consent = expectOk(await h.call('alice', { action: 'getTileConsent', tileId })) as unknown as ConsentView;
    expect(consent.optional).toEqual(['fullName', 'region']);

    expectOk(await adminCall(h, { action: 'approveTile', tileId, version: 2 }));
    expect((await services('alice')).tiles[0].title.zh).toBe('养老金查询（新版）');
    expect((await tileStatus(partner, tileId)).versions.map((v) => v.status)).toEqual(['superseded', 'approved']);
  });

  it.each([
    ['an optional scope becomes required', { scopes: { required: ['birthDate', 'fullName'], optional: ['region'] } }],
    ['the target moves', { target: { type: 'web', url: 'https://pension.example.gov.cn/eid/other' } }],
    ['the target becomes a mini-program', { target: { type: 'miniProgram', appId: 'wx0123456789abcdef', path: 'pages/index/index' } }],
  ])('sends an update back to review when %s', async (_, change) => {
    const partner = await onboardedPartner(h);
    const tileId = await approvedTile(h, partner);
    const update = pensionManifest(change as Partial<ReturnType<typeof pensionManifest>>);
    expect(expectOk(await partnerCall(h, partner, { action: 'submitTile', tileId, manifest: update }))).toMatchObject({ status: 'pending' });
    expect(await tileStatus(partner, tileId)).toMatchObject({ status: 'pending', servingVersion: 1 });
  });

  it('serves at once an update that only narrows scopes and changes the icon (rewording goes to review: tile-review.test.ts)', async () => {
    await enrolled(h, 'alice');
    const partner = await onboardedPartner(h);
    const tileId = await approvedTile(h, partner);
    const update = pensionManifest({
      icon: 'shield',
      scopes: { required: ['birthDate'], optional: ['region'] },
    });
    expect(expectOk(await partnerCall(h, partner, { action: 'submitTile', tileId, manifest: update }))).toMatchObject({ version: 2, status: 'approved' });
    expect((await services('alice')).tiles[0].icon).toBe('shield');
  });

  it('refuses an update of another partner’s tile as if it did not exist', async () => {
    const owner = await onboardedPartner(h);
    const other = await onboardedPartner(h);
    const tileId = await approvedTile(h, owner);
    const before = h.rowCounts();
    expect(expectFailure(await partnerCall(h, other, { action: 'submitTile', tileId, manifest: pensionManifest() })).code).toBe('TILE_NOT_FOUND');
    expect(expectFailure(await partnerCall(h, other, { action: 'tileStatus', tileId })).code).toBe('TILE_NOT_FOUND');
    expect(withoutAssertions(h.rowCounts())).toEqual(withoutAssertions(before));
  });

  it('hides a suspended tile at once, refuses its authorisations and its outstanding codes, and shows it again when reinstated', async () => {
    await enrolled(h, 'alice');
    const partner = await onboardedPartner(h);
    const tileId = await approvedTile(h, partner);
    const code = await codeFor(h, 'alice', tileId);
    expectOk(await adminCall(h, { action: 'suspendTile', tileId, suspended: true }));

    expect((await services('alice')).tiles).toEqual([]);
    expect(expectFailure(await h.call('alice', { action: 'authorize', tileId })).code).toBe('TILE_SUSPENDED');
    expect(expectFailure(await exchange(h, partner, code)).code).toBe('TILE_SUSPENDED');
    expect(await tileStatus(partner, tileId)).toMatchObject({ status: 'suspended', suspended: true });

    expectOk(await adminCall(h, { action: 'suspendTile', tileId, suspended: false }));
    expect((await services('alice')).tiles).toHaveLength(1);
    expect((await exchanged(partner, code)).tileId).toBe(tileId);
  });

  it('suspending a partner hides its tiles and refuses its calls, before spending anything', async () => {
    await enrolled(h, 'alice');
    const partner = await onboardedPartner(h);
    const tileId = await approvedTile(h, partner);
    const code = await codeFor(h, 'alice', tileId);
    expectOk(await adminCall(h, { action: 'setPartnerStatus', partnerId: partner.partnerId, status: 'suspended' }));
    const before = h.rowCounts();

    expect((await services('alice')).tiles).toEqual([]);
    expect(expectFailure(await h.call('alice', { action: 'authorize', tileId })).code).toBe('PARTNER_SUSPENDED');
    expect(expectFailure(await exchange(h, partner, code)).code).toBe('PARTNER_SUSPENDED');
    expect(h.rowCounts()).toEqual(before);

    expectOk(await adminCall(h, { action: 'setPartnerStatus', partnerId: partner.partnerId, status: 'active' }));
    expect((await exchanged(partner, code)).tileId).toBe(tileId);
  });

  it('lists partners and pending tiles for the admin', async () => {
    const partner = await onboardedPartner(h);
    const { tileId } = expectOk(await partnerCall(h, partner, { action: 'submitTile', manifest: pensionManifest() })) as { tileId: string };
    const { partners } = expectOk(await adminCall(h, { action: 'listPartners' })) as unknown as { partners: Array<{ partnerId: string; scopes: string[] }> };
    expect(partners).toHaveLength(1);
    expect(partners[0].scopes.slice(0, 2)).toEqual(['verified', 'pseudonym']);
    const { tiles } = expectOk(await adminCall(h, { action: 'listTiles', status: 'pending' })) as unknown as { tiles: TileStatusView[] };
    expect(tiles.map((t) => t.tileId)).toEqual([tileId]);
    expect(tiles[0].versions[0].manifest).toEqual(pensionManifest());
  });
});

describe('the services page', () => {
  it('shows tiles for the card’s home region from its ID number, grouped by category, and another region on request', async () => {
    await enrolled(h, 'alice'); // a Beijing ID number (110105…)
    const partner = await onboardedPartner(h);
    const nationwide = await approvedTile(h, partner, pensionManifest({ category: 'tax', title: { zh: '个税查询', en: 'Income tax' } }));
    const beijing = await approvedTile(h, partner, pensionManifest({ regions: ['110000'], title: { zh: '北京养老金', en: 'Beijing pension' } }));
    const shenzhen = await approvedTile(h, partner, pensionManifest({ regions: ['440300'], title: { zh: '深圳公积金', en: 'Shenzhen fund' }, category: 'housing_fund' }));

    const home = await services('alice');
    expect(home.homeRegion).toEqual({ code: '110100', label: { zh: '北京市', en: 'Beijing' } });
    expect(home.tiles.map((t) => t.tileId)).toEqual([beijing, nationwide]); // pension before tax

    const elsewhere = await services('alice', '440300');
    expect(elsewhere.region?.label.en).toBe('Shenzhen');
    expect(elsewhere.tiles.map((t) => t.tileId)).toEqual([shenzhen, nationwide]);
    expect((await services('alice', '440000')).tiles.map((t) => t.tileId)).toEqual([nationwide]); // the province alone: not the city's tiles
    expect(expectFailure(await h.call('alice', { action: 'listServices', region: '990000' })).code).toBe('INVALID_INPUT');
  });

  it('lists a tile that needs a colour card as unavailable, and refuses to authorise it with a basic card', async () => {
    await enrolled(h, 'alice');
    const partner = await onboardedPartner(h);
    const tileId = await approvedTile(h, partner, pensionManifest({ minLevel: 'colour' }));
    expect((await services('alice')).tiles[0]).toMatchObject({ tileId, available: false, unavailable: 'level', minLevel: 'colour' });
    expect(expectFailure(await authorizeWithConsent(h, 'alice', tileId)).code).toBe('LEVEL_TOO_LOW');
  });

  it('needs a card', async () => {
    expect(expectFailure(await h.call('nobody', { action: 'listServices' })).code).toBe('CARD_NOT_FOUND');
  });
});

describe('consent and one-time codes', () => {
  let partner: TestPartner;
  let tileId: string;
  beforeEach(async () => {
    await enrolled(h, 'alice');
    partner = await onboardedPartner(h);
    tileId = await approvedTile(h, partner);
  });

  it('shows the partner, its credit code, each scope, the purpose and the grant duration, with no grant yet', async () => {
    const consent = expectOk(await h.call('alice', { action: 'getTileConsent', tileId })) as unknown as ConsentView;
    expect(consent).toMatchObject({
      partner: { name: partner.name },
      purpose: pensionManifest().purpose,
      always: ['verified', 'pseudonym'],
      required: ['birthDate'],
      optional: ['fullName', 'region'],
      sensitive: ['fullName'],
      grantDays: GRANT_VALIDITY_DAYS,
      grant: null,
    });
    expect(consent.partner.creditCode).toMatch(/^12110000MB/);
  });

  it('needs the consent screen on first use, and a sensitive scope needs its own tick; nothing is written until then', async () => {
    const before = h.rowCounts();
    expect(expectFailure(await h.call('alice', { action: 'authorize', tileId })).reason).toBe('no_grant');
    const untickedName = expectFailure(await authorizeWithConsent(h, 'alice', tileId, { optional: ['fullName'] }));
    expect([untickedName.code, untickedName.reason]).toEqual(['CONSENT_REQUIRED', 'sensitive_scope']);
    const notOffered = expectFailure(await authorizeWithConsent(h, 'alice', tileId, { optional: ['idNumber'] }));
    expect([notOffered.code, notOffered.details?.field]).toEqual(['INVALID_INPUT', 'consent.optional.0']);
    expect(h.rowCounts()).toEqual(before);
  });

  it('gives a code valid for 120 s bound to tile, partner and grant, and the web target; a second use needs no new consent', async () => {
    const first = expectOk(await authorizeWithConsent(h, 'alice', tileId, { optional: ['fullName'], sensitive: ['fullName'] }));
    expect(first.target).toEqual(pensionManifest().target);
    expect(Date.parse(first.expiresAt) - h.clock.now().getTime()).toBe(AUTH_CODE_TTL_SECONDS * 1000);

    const consent = expectOk(await h.call('alice', { action: 'getTileConsent', tileId })) as unknown as ConsentView;
    expect(consent.grant).toMatchObject({ grantId: first.grantId, scopes: ['verified', 'pseudonym', 'fullName', 'birthDate'], status: 'active' });
    const second = expectOk(await h.call('alice', { action: 'authorize', tileId })) as unknown as { code: string; grantId: string };
    expect(second.grantId).toBe(first.grantId);
    expect(second.code).not.toBe(first.code);
  });

  it('a new consent replaces the tile’s earlier grant', async () => {
    const first = expectOk(await authorizeWithConsent(h, 'alice', tileId));
    const second = expectOk(await authorizeWithConsent(h, 'alice', tileId, { optional: ['region'] }));
    const { grants } = expectOk(await h.call('alice', { action: 'listGrants' })) as unknown as { grants: GrantView[] };
    expect(grants.map((g) => [g.grantId, g.status])).toEqual([
      [second.grantId, 'active'],
      [first.grantId, 'revoked'],
    ]);
  });
});

describe('the partner exchange', () => {
  let partner: TestPartner;
  let tileId: string;
  beforeEach(async () => {
    await enrolled(h, 'alice');
    partner = await onboardedPartner(h);
    tileId = await approvedTile(h, partner);
  });

  it('releases exactly the granted attributes, the pairwise subject and the issuer-signed copy; the citizen’s records show it', async () => {
    const code = await codeFor(h, 'alice', tileId, { optional: ['fullName'], sensitive: ['fullName'] });
    const result = await exchanged(partner, code);
    expect(result.scopes).toEqual(['verified', 'pseudonym', 'fullName', 'birthDate']);
    expect(result.attributes).toEqual({ verified: true, fullName: '李明华', birthDate: '1990-03-07' });
    expect(result.subject).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);

    const jwks = new IssuerJwks('jwks', async () => h.emulator.issuer.jwks(), () => h.clock.now());
    const release = await jwks.verifyRelease(result.idToken, partner.partnerId);
    expect(release).toMatchObject({ subject: result.subject, tileId, scopes: result.scopes, attributes: result.attributes });
    await expect(jwks.verifyRelease(result.idToken, 'pt_someone_else')).rejects.toMatchObject({ check: 'signature' });

    const { exchanges } = expectOk(await h.call('alice', { action: 'listExchanges' })) as unknown as { exchanges: ExchangeView[] };
    expect(exchanges).toEqual([
      { id: 1, at: h.clock.now().toISOString(), partnerName: partner.name, tileTitle: pensionManifest().title, scopes: result.scopes },
    ]);
    const { grants } = expectOk(await h.call('alice', { action: 'listGrants' })) as unknown as { grants: GrantView[] };
    expect(grants[0].lastUsedAt).toBe(h.clock.now().toISOString());
  });

  it('releases less when the partner asks for less, and never more than granted (nothing written)', async () => {
    const code = await codeFor(h, 'alice', tileId);
    const before = h.rowCounts();
    const more = expectFailure(await exchange(h, partner, code, ['birthDate', 'fullName']));
    expect([more.code, more.details?.scope]).toEqual(['SCOPE_NOT_GRANTED', 'fullName']);
    expect(withoutAssertions(h.rowCounts())).toEqual(withoutAssertions(before));
    const less = expectOk(await exchange(h, partner, code, [])) as unknown as ExchangeResult;
    expect(less.attributes).toEqual({ verified: true });
  });

  it('refuses a replayed code (AUTH_CODE_USED), an expired one (AUTH_CODE_EXPIRED), another partner’s (AUTH_CODE_FOREIGN) and junk (AUTH_CODE_INVALID)', async () => {
    const code = await codeFor(h, 'alice', tileId);
    await exchanged(partner, code);
    const before = h.rowCounts();
    expect(expectFailure(await exchange(h, partner, code)).code).toBe('AUTH_CODE_USED');

    const other = await onboardedPartner(h);
    const second = expectOk(await h.call('alice', { action: 'authorize', tileId })) as unknown as { code: string };
    const afterAuthorize = h.rowCounts();
    expect(expectFailure(await exchange(h, other, second.code)).code).toBe('AUTH_CODE_FOREIGN');
    expect(expectFailure(await exchange(h, partner, second.code.slice(0, -2) + 'xx')).code).toBe('AUTH_CODE_INVALID');
    expect(expectFailure(await exchange(h, partner, 'not-a-code')).code).toBe('AUTH_CODE_INVALID');
    h.clock.advance(AUTH_CODE_TTL_SECONDS * 1000);
    expect(expectFailure(await exchange(h, partner, second.code)).code).toBe('AUTH_CODE_EXPIRED');
    expect(withoutAssertions(h.rowCounts())).toEqual(withoutAssertions(afterAuthorize));
    expect(withoutAssertions(before).exchanges).toBe(1);
  });

  it('fails every later exchange of a revoked grant (GRANT_REVOKED); only the card’s own grant can be revoked', async () => {
    const authorization = expectOk(await authorizeWithConsent(h, 'alice', tileId));
    await enrolled(h, 'bob', 'ordinary', 1);
    expect(expectFailure(await h.call('bob', { action: 'revokeGrant', grantId: authorization.grantId })).code).toBe('GRANT_NOT_FOUND');
    expectOk(await h.call('alice', { action: 'revokeGrant', grantId: authorization.grantId }));
    expect(expectFailure(await exchange(h, partner, authorization.code)).code).toBe('GRANT_REVOKED');
    expect(expectFailure(await h.call('alice', { action: 'authorize', tileId })).reason).toBe('no_grant');
    expect(expectFailure(await h.call('alice', { action: 'revokeGrant', grantId: authorization.grantId })).code).toBe('GRANT_NOT_FOUND');
  });

  it('refuses an expired grant (GRANT_EXPIRED)', async () => {
    expectOk(await authorizeWithConsent(h, 'alice', tileId));
    h.clock.advance(GRANT_VALIDITY_DAYS * 24 * 3600 * 1000 - 60_000);
    const code = (expectOk(await h.call('alice', { action: 'authorize', tileId })) as unknown as { code: string }).code;
    h.clock.advance(60_000);
    expect(expectFailure(await exchange(h, partner, code)).code).toBe('GRANT_EXPIRED');
  });

  it('lets exactly one of 10 concurrent exchanges of one code succeed', async () => {
    const code = await codeFor(h, 'alice', tileId);
    const results = await Promise.all(Array.from({ length: 10 }, () => exchange(h, partner, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(9).fill('AUTH_CODE_USED'));
    expect(h.rowCounts().exchanges).toBe(1);
  });

  it('revoking the card forgets its services records: its grants and open codes go, its exchanges stay only as a count (issue 8: records readable to nobody but as counts)', async () => {
    await exchanged(partner, await codeFor(h, 'alice', tileId));
    const open = await codeFor(h, 'alice', tileId);
    const { card } = expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: { cardId: string } };
    const { answer } = await faceCheck(h, 'alice');
    expectOk(await h.call('alice', { action: 'revoke', ...answer }));

    const store = h.emulator.services.store;
    expect(await store.listGrants(card.cardId)).toEqual([]);
    expect(await store.getAuthCode(h.emulator.services.codes.read(open)!.codeId)).toBeNull();
    expect(await store.listExchanges(card.cardId, { limit: 10 })).toEqual([
      { ...FORGOTTEN_EXCHANGE, scopes: [], id: expect.any(Number), cardId: card.cardId, at: h.clock.now() },
    ]);
    expect(expectFailure(await exchange(h, partner, open)).code).toBe('AUTH_CODE_INVALID');
  });

  it('moving the card to another account forgets the old card’s services records too; the new card asks partners afresh', async () => {
    await exchanged(partner, await codeFor(h, 'alice', tileId));
    const { card } = expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: { cardId: string } };
    const { answer } = await faceCheck(h, 'alice-new-phone');
    expectOk(await h.call('alice-new-phone', { action: 'moveCard', ...typed(personFor('ordinary')), consent: true, ...answer }));

    expect(await h.emulator.services.store.listGrants(card.cardId)).toEqual([]);
    expect(await h.emulator.services.store.listExchanges(card.cardId, { limit: 10 })).toMatchObject([{ ...FORGOTTEN_EXCHANGE, scopes: [] }]);
    expect(expectFailure(await h.call('alice-new-phone', { action: 'authorize', tileId })).code).toBe('CONSENT_REQUIRED');
  });

  it('refuses a code of a suspended card', async () => {
    const code = await codeFor(h, 'alice', tileId);
    const { card } = expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: { cardId: string } };
    await changeStatus(h.emulator.deps.store, card.cardId, 'suspended', h.clock.now());
    expect(expectFailure(await exchange(h, partner, code)).code).toBe('CARD_SUSPENDED');
    expect(expectFailure(await h.call('alice', { action: 'authorize', tileId })).code).toBe('CARD_SUSPENDED');
  });

  it('refuses a code of a card reported lost after the exchange checked it and before the code is spent: CARD_SUSPENDED, nothing released or written (security review: a code verified after reportLost returned)', async () => {
    const code = await codeFor(h, 'alice', tileId);
    const record = (await h.emulator.services.store.getPartner(partner.partnerId))!;
    const reportLostMeanwhile = async () => expectOk(await h.call('alice', { action: 'reportLost' }));
    const services = { ...h.emulator.services, store: withStepBefore(h.emulator.services.store, 'redeemAuthCode', reportLostMeanwhile) };
    await expect(exchangeCode(h.emulator.deps, services, record, { code })).rejects.toMatchObject({ code: 'CARD_SUSPENDED' });
    expect(h.rowCounts().exchanges).toBe(0);
    expect((await h.emulator.services.store.getAuthCode(h.emulator.services.codes.read(code)!.codeId))?.usedAt).toBeNull();
  });
});

/** A partner's assertion is spent on every authenticated call, whatever its outcome: only the other tables say whether something was written. */
function withoutAssertions(counts: Record<string, number>): Record<string, number> {
  const { partner_assertions: _spent, ...rest } = counts;
  return rest;
}
