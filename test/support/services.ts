/**
 * Services journey steps shared by the tests: an onboarded SYNTHETIC partner
 * (a generated key, a valid but made-up credit code), its tiles, and a
 * citizen's consent and authorisation. Calls go through the function
 * factories, exactly as the emulator's HTTP layer calls them.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Result } from '../../core/api';
import { creditCodeCheckCharacter } from '../../core/credit-code';
import type { AuthorizationView } from '../../core/services-api';
import type { PartnerScope, RequestableScope } from '../../core/services';
import type { TileManifest } from '../../core/tile-manifest';
import { signAdminAssertion } from '../../server/clients/assertions';
import { signPartnerAssertion, type PartnerCredential } from '../../server/clients/partner-kit';
import { expectOk, type Harness } from './harness';

/** A made-up unified social credit code with a correct check character: `n` tells partners apart. */
export function syntheticCreditCode(n: number): string {
  const first17 = `12110000MB${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A pension query tile on a synthetic partner's registered domain; tests change what they exercise. */
export function pensionManifest(overrides: Partial<TileManifest> = {}): TileManifest {
  return {
    title: { zh: '养老金查询（测试）', en: 'Pension query (test)' },
    description: { zh: '查询养老金发放记录（合成测试数据）', en: 'See your pension payments (synthetic test data)' },
    icon: 'pension',
    category: 'pension',
    regions: ['nationwide'],
    minLevel: 'basic',
    target: { type: 'web', url: 'https://pension.example.gov.cn/eid/start' },
    scopes: { required: ['birthDate'], optional: ['fullName', 'region'] },
    purpose: { zh: '核实领取人身份并查询养老金', en: 'To confirm who you are and look up your pension' },
    ...overrides,
  };
}

export interface TestPartner extends PartnerCredential {
  name: string;
}

export function adminCall(h: Harness, event: Record<string, unknown>) {
  return h.emulator.functions.admin({ ...event, assertion: signAdminAssertion(h.emulator.adminKey, h.clock.now()) }, {}) as Promise<
    Result<Record<string, unknown>>
  >;
}

export function partnerCall(h: Harness, partner: PartnerCredential, event: Record<string, unknown>) {
  return h.emulator.functions.partner({ ...event, assertion: signPartnerAssertion(partner, h.clock.now()) }, {}) as Promise<
    Result<Record<string, unknown>>
  >;
}

let partners = 0;

/** Onboards a synthetic partner allowed every scope, on pension.example.gov.cn and one appId. */
export async function onboardedPartner(h: Harness, overrides: Record<string, unknown> = {}): Promise<TestPartner> {
  const n = ++partners;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  const name = `合成测试社保中心 ${n} (synthetic)`;
  const answer = await adminCall(h, {
    action: 'onboardPartner',
    name,
    creditCode: syntheticCreditCode(n),
    contact: '信息科 (synthetic contact)',
    scopes: ['fullName', 'idNumber', 'maskedIdNumber', 'birthDate', 'over18', 'region', 'cardLevel'],
    domains: ['pension.example.gov.cn'],
    appIds: ['wx0123456789abcdef'],
    publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y },
    ...overrides,
  });
  const { partnerId } = expectOk(answer) as unknown as { partnerId: string };
  return { partnerId, privateKey, name };
}

/** Submits a tile and approves its first version; returns its id. */
export async function approvedTile(h: Harness, partner: PartnerCredential, manifest: TileManifest = pensionManifest()): Promise<string> {
  const { tileId } = expectOk(await partnerCall(h, partner, { action: 'submitTile', manifest })) as unknown as { tileId: string };
  expectOk(await adminCall(h, { action: 'approveTile', tileId, version: 1 }));
  return tileId;
}

/** A citizen's first use of a tile: the consent screen's answer, then the code. */
export function authorizeWithConsent(
  h: Harness,
  openid: string,
  tileId: string,
  consent: { optional?: RequestableScope[]; sensitive?: RequestableScope[] } = {},
): Promise<Result<AuthorizationView>> {
  return h.call(openid, { action: 'authorize', tileId, consent: { optional: consent.optional ?? [], sensitive: consent.sensitive ?? [] } }) as Promise<
    Result<AuthorizationView>
  >;
}

export async function codeFor(h: Harness, openid: string, tileId: string, consent?: Parameters<typeof authorizeWithConsent>[3]): Promise<string> {
  return expectOk(await authorizeWithConsent(h, openid, tileId, consent)).code;
}

export function exchange(h: Harness, partner: PartnerCredential, code: unknown, scopes?: PartnerScope[]) {
  return partnerCall(h, partner, { action: 'exchange', code, ...(scopes && { scopes }) });
}
