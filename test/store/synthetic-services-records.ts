/**
 * Synthetic services-store records: obviously fake partners, tiles, grants,
 * codes and exchanges, on the same frozen instant as the card store's.
 */
import type { TileManifest } from '../../core/tile-manifest';
import type {
  AuthCodeRecord,
  ExchangeRecord,
  GrantRecord,
  PartnerRecord,
  TileRecord,
  TileVersionRecord,
} from '../../server/domain/services-store';
import { T0, after } from './synthetic-records';

export function syntheticPartner(n: number | string, overrides: Partial<PartnerRecord> = {}): PartnerRecord {
  return {
    id: `partner-${n}`,
    name: `Synthetic Partner ${n}`,
    creditCode: `synthetic-credit-code-${n}`,
    contact: 'synthetic contact',
    scopes: ['verified', 'pseudonym', 'birthDate'],
    domains: ['synthetic.example.gov.cn'],
    appIds: ['wx0000000000000000'],
    publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'synthetic-x-coordinate', y: 'synthetic-y-coordinate' },
    status: 'active',
    createdAt: T0,
    ...overrides,
  };
}

export function syntheticManifest(title = 'Synthetic tile'): TileManifest {
  return {
    title: { zh: title, en: title },
    description: { zh: 'synthetic', en: 'synthetic' },
    icon: 'service',
    category: 'other',
    regions: ['nationwide'],
    minLevel: 'basic',
    target: { type: 'web', url: 'https://synthetic.example.gov.cn/start' },
    scopes: { required: ['birthDate'], optional: [] },
    purpose: { zh: 'synthetic', en: 'synthetic' },
  };
}

export function syntheticVersion(version: number, overrides: Partial<TileVersionRecord> = {}): TileVersionRecord {
  return {
    version,
    manifest: syntheticManifest(`Synthetic tile v${version}`),
    status: 'pending',
    reason: null,
    submittedAt: after(version * 1000),
    decidedAt: null,
    ...overrides,
  };
}

export function syntheticTile(n: number | string, partnerId: string, overrides: Partial<TileRecord> = {}): TileRecord {
  return { id: `tile-${n}`, partnerId, suspended: false, servingVersion: null, createdAt: T0, versions: [syntheticVersion(1)], ...overrides };
}

export function syntheticGrant(n: number | string, overrides: Partial<GrantRecord> = {}): GrantRecord {
  return {
    id: `grant-${n}`,
    cardId: 'card-1',
    partnerId: 'partner-1',
    tileId: 'tile-1',
    scopes: ['verified', 'pseudonym', 'birthDate'],
    grantedAt: T0,
    expiresAt: after(365 * 24 * 3600 * 1000),
    revokedAt: null,
    lastUsedAt: null,
    ...overrides,
  };
}

export function syntheticAuthCode(n: number | string, overrides: Partial<AuthCodeRecord> = {}): AuthCodeRecord {
  return {
    id: `code-${n}`,
    grantId: 'grant-1',
    tileId: 'tile-1',
    partnerId: 'partner-1',
    cardId: 'card-1',
    createdAt: T0,
    expiresAt: after(120_000),
    usedAt: null,
    ...overrides,
  };
}

export function syntheticExchange(overrides: Partial<Omit<ExchangeRecord, 'id'>> = {}): Omit<ExchangeRecord, 'id'> {
  return {
    cardId: 'card-1',
    at: after(10_000),
    partnerId: 'partner-1',
    partnerName: 'Synthetic Partner 1',
    tileId: 'tile-1',
    tileTitle: { zh: 'Synthetic tile', en: 'Synthetic tile' },
    grantId: 'grant-1',
    scopes: ['verified', 'pseudonym', 'birthDate'],
    ...overrides,
  };
}
