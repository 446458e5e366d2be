/**
 * Synthetic store records for the store tests. Every value is obviously fake:
 * no real-looking names or ID numbers, and sealed fields are placeholders,
 * since the store only ever sees sealed personal data.
 */
import type { CardRecord, FaceSessionRecord, IdentityRecord, TerminalRecord, UsageRecord } from '../../server/domain/store';

/** The frozen instant every store test counts from. */
export const T0 = new Date('2026-11-28T08:00:00Z');

export const after = (ms: number, from: Date = T0): Date => new Date(from.getTime() + ms);

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export function syntheticIdentity(n: number | string, overrides: Partial<IdentityRecord> = {}): IdentityRecord {
  return {
    id: `identity-${n}`,
    idIndex: `synthetic-id-index-${n}`,
    nameSealed: 'sealed-name',
    idNumberSealed: 'sealed-id-number',
    dataKey: `wrapped-data-key-${n}`,
    createdAt: T0,
    ...overrides,
  };
}

export function syntheticCard(n: number | string, overrides: Partial<CardRecord> = {}): CardRecord {
  return {
    id: `card-${n}`,
    identityId: `identity-${n}`,
    holder: `synthetic-holder-${n}`,
    level: 'basic',
    status: 'active',
    issuedAt: T0,
    expiresAt: new Date('2036-11-28T08:00:00Z'),
    keyId: 'test-issuer-key-1',
    signature: 'synthetic-signature',
    ...overrides,
  };
}

export function syntheticFaceSession(id: string, holder: string, overrides: Partial<FaceSessionRecord> = {}): FaceSessionRecord {
  return {
    id,
    holder,
    challenge: { actions: ['blink', 'turn_left'], digits: '0000' },
    createdAt: T0,
    expiresAt: after(5 * MINUTE),
    attemptsUsed: 0,
    passedAt: null,
    ...overrides,
  };
}

export function syntheticTerminal(id: string, overrides: Partial<TerminalRecord> = {}): TerminalRecord {
  return {
    id,
    organisation: 'Synthetic Test Hotel',
    city: 'Synthetic City',
    scenes: ['hotel', 'age_check'],
    publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'synthetic-x-coordinate', y: 'synthetic-y-coordinate' },
    enabled: true,
    createdAt: T0,
    ...overrides,
  };
}

export function syntheticUsage(cardId: string, overrides: Partial<Omit<UsageRecord, 'id'>> = {}): Omit<UsageRecord, 'id'> {
  return {
    cardId,
    at: T0,
    terminalId: 'terminal-1',
    organisation: 'Synthetic Test Hotel',
    scene: 'hotel',
    attributes: ['fullName'],
    ...overrides,
  };
}
