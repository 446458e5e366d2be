/**
 * The services store port (journey 5): partners, tiles and their versions,
 * citizens' grants, one-time authorisation codes, spent partner assertion
 * ids and the exchange records citizens read. Its own port beside `Store`,
 * so that a store adapter can take it on separately; its guarantees are
 * stated once in test/store/services-store-contract.ts. Async like `Store`.
 */
import { cardStateAt, type CardState } from '../../core/card';
import type { PartnerScope, PartnerStatus, TileVersionStatus } from '../../core/services';
import type { TileManifest } from '../../core/tile-manifest';
import type { CardRecord } from './store';

export interface PartnerRecord {
  id: string;
  name: string;
  creditCode: string;
  contact: string;
  /** What its tiles may request (always including `verified` and `pseudonym`). */
  scopes: PartnerScope[];
  /** Hostnames its web targets may use. */
  domains: string[];
  /** Mini-program appIds its targets may use. */
  appIds: string[];
  /** The partner's ES256 public key as a JWK: its assertions are checked with it. */
  publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  status: PartnerStatus;
  createdAt: Date;
}

/** Raised by insertPartner when the credit code is already registered. */
export class PartnerConflict extends Error {
  constructor() {
    super('A partner with this credit code already exists');
  }
}

export interface TileVersionRecord {
  version: number;
  manifest: TileManifest;
  status: TileVersionStatus;
  reason: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
}

export interface TileRecord {
  id: string;
  partnerId: string;
  suspended: boolean;
  /** The approved version citizens see, or null while none is approved. */
  servingVersion: number | null;
  createdAt: Date;
  /** Every version, oldest first; the last is the latest submitted. */
  versions: TileVersionRecord[];
}

/** A tile with its serving manifest and partner, as the services page lists it. */
export interface ServingTile {
  tile: TileRecord;
  manifest: TileManifest;
  partner: PartnerRecord;
}

export interface GrantRecord {
  id: string;
  cardId: string;
  partnerId: string;
  tileId: string;
  /** Everything granted, `verified` and `pseudonym` included. */
  scopes: PartnerScope[];
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface AuthCodeRecord {
  id: string;
  grantId: string;
  tileId: string;
  partnerId: string;
  cardId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface ExchangeRecord {
  id: number;
  cardId: string;
  at: Date;
  partnerId: string;
  partnerName: string;
  tileId: string;
  tileTitle: { zh: string; en: string };
  grantId: string;
  /** Names of what was released, never values. */
  scopes: PartnerScope[];
}

/** What a forgotten card's exchange holds in place of its details (forgetCard): nothing of the original. */
export const FORGOTTEN_EXCHANGE = { partnerId: '', partnerName: '', tileId: '', tileTitle: { zh: '', en: '' }, grantId: '', scopes: [] } as const;

/** Why redeemAuthCode refused the code's card: no longer active at the exchange's instant. */
export type CardRefusal = `card_${Exclude<CardState, 'active'>}`;

/** What redeemAuthCode found: the code spent and the exchange recorded, or why not (nothing written). */
export type Redemption = 'redeemed' | 'used' | 'revoked' | 'unknown' | CardRefusal;

/** The card condition redeemAuthCode writes under, the same on every adapter: null while the card is active at `at`. */
export function cardRefusal(card: Pick<CardRecord, 'status' | 'expiresAt'>, at: Date): CardRefusal | null {
  const state = cardStateAt(card.status, card.expiresAt, at);
  return state === 'active' ? null : `card_${state}`;
}

export interface ServicesPruneCutoffs {
  /** Spent assertion ids whose assertions expired before this. */
  assertionsBefore: Date;
  /** Authorisation codes that expired before this (used or not); their exchanges stay. */
  codesBefore: Date;
}

export interface ServicesPruneCounts {
  partnerAssertions: number;
  authCodes: number;
}

export interface ServicesStore {
  /** Throws PartnerConflict when the credit code is already registered. */
  insertPartner(partner: PartnerRecord): Promise<void>;
  getPartner(id: string): Promise<PartnerRecord | null>;
  /** Oldest first. */
  listPartners(): Promise<PartnerRecord[]>;
  setPartnerStatus(id: string, status: PartnerStatus): Promise<boolean>;

  /**
   * Spends a partner assertion id: of any number of calls with one (partner,
   * jti), exactly one returns true. Kept until `expiresAt`, after which the
   * assertion itself is refused as expired.
   */
  spendPartnerAssertion(partnerId: string, jti: string, expiresAt: Date): Promise<boolean>;

  /** A new tile with its first version. */
  insertTile(tile: TileRecord): Promise<void>;
  getTile(id: string): Promise<TileRecord | null>;
  /** Every tile (of one partner when given), oldest first. */
  listTiles(filter?: { partnerId?: string }): Promise<TileRecord[]>;
  /** Tiles with an approved serving version, not suspended, whose partner is active. */
  listServingTiles(): Promise<ServingTile[]>;
  /**
   * Adds the next version, only if the tile's latest version is still
   * `expectedLatest` (two concurrent submissions: one wins, the other writes
   * nothing and gets false). Earlier pending versions become superseded. With
   * `servesAtOnce`, the version is approved and replaces the serving one.
   */
  addTileVersion(tileId: string, version: TileVersionRecord, expectedLatest: number, servesAtOnce: boolean): Promise<boolean>;
  /**
   * Approves or rejects a pending version; false, writing nothing, when it is
   * not pending. An approved version becomes the serving one; the one it
   * replaces is superseded.
   */
  decideTileVersion(tileId: string, version: number, decision: { status: 'approved' | 'rejected'; reason: string | null; at: Date }): Promise<boolean>;
  setTileSuspended(tileId: string, suspended: boolean): Promise<boolean>;

  /** A new grant; in the same step the card's earlier unrevoked grants to the same tile are revoked at `grant.grantedAt`. */
  insertGrant(grant: GrantRecord): Promise<void>;
  getGrant(id: string): Promise<GrantRecord | null>;
  /** The card's grants, newest first. */
  listGrants(cardId: string): Promise<GrantRecord[]>;
  /** Revokes one of the card's unrevoked grants; false when there is none with this id for this card. */
  revokeGrant(id: string, cardId: string, at: Date): Promise<boolean>;

  insertAuthCode(code: AuthCodeRecord): Promise<void>;
  getAuthCode(id: string): Promise<AuthCodeRecord | null>;
  /**
   * Spends the code and records the exchange as one atomic step, if the code
   * is unspent, its grant unrevoked and its card active at `exchange.at`
   * (cardRefusal) at that moment; the grant's last use becomes `exchange.at`.
   * Of concurrent redemptions of one code exactly one is `redeemed`; a grant
   * revoked before the step makes it `revoked`; a card reported lost, revoked
   * or expired before the step makes it `card_suspended`, `card_revoked` or
   * `card_expired`, so once the Store's changeCard that suspends the card has
   * returned, no code of it is redeemed. The card is the one the Store on the
   * same database holds (an unknown card is `unknown`). Any outcome but
   * `redeemed` writes nothing.
   */
  redeemAuthCode(codeId: string, exchange: Omit<ExchangeRecord, 'id'>): Promise<Redemption>;
  /** Newest first; `before` is the id of the last record of the previous page. */
  listExchanges(cardId: string, page: { before?: number; limit: number }): Promise<ExchangeRecord[]>;
  /**
   * At the card's revocation: its grants and authorisation codes go, and its
   * exchanges stay only as a count (partner, tile, grant and scopes erased,
   * their time set to `at`), as its usages do. Idempotent, so a revocation
   * whose call failed can be followed by another.
   */
  forgetCard(cardId: string, at: Date): Promise<void>;

  /** Deletes spent assertion ids and codes that guard nothing any more; never grants, tiles, partners or exchanges. */
  prune(cutoffs: ServicesPruneCutoffs): Promise<ServicesPruneCounts>;
  close(): Promise<void>;
}
