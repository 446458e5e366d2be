/**
 * The CloudBase database of the deployed store, declared once: every
 * collection, the shape of its documents and the indexes it needs. The
 * adapter (cloudbase-store.ts) reads and writes these shapes; the setup
 * script (`npm run cloudbase:setup`) creates the collections and indexes
 * from this list, never by hand in a console; the local test endpoint
 * enforces the unique ones.
 *
 * Times are epoch milliseconds (numbers), never Dates: the SDK encodes Dates
 * differently inside and outside transactions, and numbers compare the same
 * everywhere.
 *
 * Uniqueness. Every collection's `_id` is a unique index CloudBase always has.
 * The rules SQLite states as partial unique indexes ("one card per holder and
 * per ID number, unless revoked") cannot be indexes here: the manager API
 * creates only plain or unique indexes (MgoKeySchema: keys and MgoIsUnique),
 * no partial filter. So a live card is held by two hold documents whose `_id`
 * is the holder and the ID number's index; minting inserts them, revoking
 * deletes them, and a second live card fails on the `_id` index with
 * DATABASE_DUPLICATE_WRITE. One use per presentation token is the same: the
 * spent token's `_id` is the token id.
 *
 * The services store's rules the same way: one partner per credit code is a
 * unique index; one spend per (partner, assertion id) a unique index; one
 * unrevoked grant per (card, tile) the grant slot document that names it; a
 * tile and all its versions are one document, so every change to them is a
 * single-document transaction.
 */
import type { TileManifest } from '../../../core/tile-manifest';
import type { AuthCodeRecord, ExchangeRecord, GrantRecord, PartnerRecord, TileVersionRecord } from '../../domain/services-store';
import type { CardMoveRecord, CardRecord, TerminalRecord, UpgradeSiteRecord, UsageRecord } from '../../domain/store';

export const COLLECTIONS = {
  faceSessions: 'eid_face_sessions',
  faceStarts: 'eid_face_starts',
  failures: 'eid_failures',
  cards: 'eid_cards',
  cardHolds: 'eid_card_holds',
  identityKeys: 'eid_identity_keys',
  cardPasswords: 'eid_card_passwords',
  upgradeSites: 'eid_upgrade_sites',
  cardMoves: 'eid_card_moves',
  terminals: 'eid_terminals',
  spentTokens: 'eid_spent_tokens',
  spentTerminalProofs: 'eid_spent_terminal_proofs',
  usages: 'eid_usages',
  auditCheckpoints: 'eid_audit_checkpoints',
  // The services store (cloudbase-services-store.ts):
  partners: 'eid_partners',
  partnerAssertions: 'eid_partner_assertions',
  tiles: 'eid_tiles',
  grants: 'eid_grants',
  grantSlots: 'eid_grant_slots',
  authCodes: 'eid_auth_codes',
  exchangeCounters: 'eid_exchange_counters',
  exchanges: 'eid_exchanges',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** A face session; `_id` is the session id. */
export interface FaceSessionDoc {
  _id: string;
  holder: string;
  challenge: { actions: string[]; digits: string };
  createdAt: number;
  expiresAt: number;
  attemptsUsed: number;
  passedAt: number | null;
}

/** A holder's face-session starts; `_id` is the holder. The atomic reserve of a start, and the one open session. */
export interface FaceStartsDoc {
  _id: string;
  /** Creation times of the holder's sessions; pruned with the sessions. */
  starts: number[];
  /** The holder's open session, closed when the next one opens. */
  open: string | null;
}

/** The failures counted under one key, and the check-budget places held under it; `_id` is the key. */
export interface FailuresDoc {
  _id: string;
  /** One entry per failure (a key listed twice in one recording has two). */
  at: number[];
  /** Checks running now; a place older than PLACE_LIFETIME_MS is free again (its function ended without releasing it). */
  places: Array<{ id: string; at: number }>;
}

/** A card with its identity (sealed personal data only); `_id` is the card id. */
export interface CardDoc {
  _id: string;
  holder: string;
  level: CardRecord['level'];
  status: CardRecord['status'];
  issuedAt: number;
  expiresAt: number;
  keyId: string;
  signature: string;
  /** The sealed identity; its data key is in its own collection (IdentityKeyDoc), so destroying it is one delete. */
  identity: { id: string; idIndex: string; nameSealed: string; idNumberSealed: string; createdAt: number };
  /** The id of the card's latest usage: usages are numbered per card. */
  usageSeq: number;
  /** The hash of the card's latest usage, the next one's previous link. */
  lastUsageHash?: string;
  /**
   * How many times a password was set on the card: written with each one
   * (setCardPassword), so that a password write and a revocation of the card
   * write one document and cannot both commit. A count, nothing personal.
   */
  passwordSets?: number;
  /**
   * When a partner last exchanged a code of the card: written by the services
   * store's redemption, which reads the card, so that a change to the card
   * racing it conflicts (cloudbase-services-store.ts).
   */
  lastExchangeAt?: number;
}

/** What keeps a live card unique: `_id` is `holder:<OPENID>` or `id:<ID number index>`. */
export interface CardHoldDoc {
  _id: string;
  cardId: string;
}

/** An identity's wrapped data key (crypto-shredding); `_id` is the identity id. Deleted when its card is revoked. */
export interface IdentityKeyDoc {
  _id: string;
  wrappedKey: string;
}

/** A card's password hash and its wrong tries; `_id` is the card id. Deleted when its card is revoked. */
export interface CardPasswordDoc {
  _id: string;
  hash: string;
  triesUsed: number;
  lastTryAt: number | null;
  setAt: number;
}

/** An entry of the upgrade terminal directory; `_id` is its id. */
export type UpgradeSiteDoc = Omit<UpgradeSiteRecord, 'id' | 'updatedAt'> & { _id: string; updatedAt: number };

/** A card moved to another account (CardMoveRecord); `_id` is random. */
export type CardMoveDoc = Omit<CardMoveRecord, 'at'> & { _id: string; at: number };

export type TerminalDoc = Omit<TerminalRecord, 'id' | 'createdAt'> & { _id: string; createdAt: number };

/** One spent presentation token; `_id` is the token id. */
export interface SpentTokenDoc {
  _id: string;
  usedAt: number;
}

/**
 * One usage; `_id` is `<cardId>:<seq>`, `seq` is the UsageRecord id; `prevHash` and `hash` chain a card's usages,
 * `nonce` and `contentDigest` (chain v2, absent on older documents) salt and digest its details
 * (server/adapters/usage-chain.ts). `redacted`: its card was revoked, its details, nonce and time erased.
 */
export type UsageDoc = Omit<UsageRecord, 'id' | 'at'> & {
  _id: string;
  seq: number;
  at: number;
  prevHash?: string;
  hash?: string;
  nonce?: string | null;
  contentDigest?: string;
  redacted?: boolean;
};

/** A signed checkpoint of the usage chain heads; `_id` generated. The heads are [card id, hash] pairs, so no card id becomes a field name. */
export interface AuditCheckpointDoc {
  _id: string;
  at: number;
  token: string;
  heads: Array<[string, string]>;
}

/** A partner; `_id` is the partner id, `creditCode` unique. */
export type PartnerDoc = Omit<PartnerRecord, 'id' | 'createdAt'> & { _id: string; createdAt: number };

/** One spent partner assertion id; (partnerId, jti) unique, `_id` generated. */
export interface PartnerAssertionDoc {
  _id: string;
  partnerId: string;
  jti: string;
  expiresAt: number;
}

/** One version of a tile, inside its tile document. */
export type TileVersionDoc = Omit<TileVersionRecord, 'submittedAt' | 'decidedAt'> & { submittedAt: number; decidedAt: number | null; manifest: TileManifest };

/** A tile with every version, oldest first; `_id` is the tile id. */
export interface TileDoc {
  _id: string;
  partnerId: string;
  suspended: boolean;
  servingVersion: number | null;
  createdAt: number;
  versions: TileVersionDoc[];
}

/** A citizen's grant to a partner's tile; `_id` is the grant id. */
export type GrantDoc = Omit<GrantRecord, 'id' | 'grantedAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'> & {
  _id: string;
  grantedAt: number;
  expiresAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
};

/** The latest grant of a card to a tile, the only one that may be unrevoked; `_id` is `<cardId>:<tileId>`. */
export interface GrantSlotDoc {
  _id: string;
  grantId: string;
}

/** A one-time authorisation code; `_id` is the code id. */
export type AuthCodeDoc = Omit<AuthCodeRecord, 'id' | 'createdAt' | 'expiresAt' | 'usedAt'> & { _id: string; createdAt: number; expiresAt: number; usedAt: number | null };

/** The number of a card's latest exchange: exchanges are numbered per card; `_id` is the card id. */
export interface ExchangeCounterDoc {
  _id: string;
  seq: number;
}

/** One exchange as the citizen's records show it; `_id` is `<cardId>:<seq>`, `seq` is the ExchangeRecord id. */
export type ExchangeDoc = Omit<ExchangeRecord, 'id' | 'at'> & { _id: string; seq: number; at: number };

export interface IndexDeclaration {
  name: string;
  keys: Array<{ field: string; direction: 'asc' | 'desc' }>;
  unique: boolean;
  /** What reads or rule the index serves. */
  why: string;
}

export interface CollectionDeclaration {
  name: CollectionName;
  /** What the implicit unique `_id` index holds. */
  id: string;
  indexes: IndexDeclaration[];
}

const asc = (field: string) => ({ field, direction: 'asc' as const });
const desc = (field: string) => ({ field, direction: 'desc' as const });

export const DATABASE: readonly CollectionDeclaration[] = [
  {
    name: COLLECTIONS.faceSessions,
    id: 'the face session id',
    indexes: [
      { name: 'holder_passedAt', keys: [asc('holder'), desc('passedAt')], unique: false, why: 'lastFacePassedAt' },
      { name: 'createdAt', keys: [asc('createdAt')], unique: false, why: 'prune' },
    ],
  },
  { name: COLLECTIONS.faceStarts, id: 'the holder: one ledger of starts each', indexes: [{ name: 'starts', keys: [asc('starts')], unique: false, why: 'prune' }] },
  { name: COLLECTIONS.failures, id: 'the failure key: one ledger each', indexes: [{ name: 'at', keys: [asc('at')], unique: false, why: 'prune' }] },
  {
    name: COLLECTIONS.cards,
    id: 'the card id',
    indexes: [{ name: 'holder_status', keys: [asc('holder'), asc('status')], unique: false, why: 'findCardByHolder' }],
  },
  { name: COLLECTIONS.cardHolds, id: 'UNIQUE: holder:<OPENID> and id:<ID number index> of each live card', indexes: [] },
  { name: COLLECTIONS.identityKeys, id: 'the identity id: its wrapped data key, deleted at revocation', indexes: [] },
  { name: COLLECTIONS.cardPasswords, id: 'the card id: its password hash and wrong tries', indexes: [] },
  {
    name: COLLECTIONS.upgradeSites,
    id: 'the directory entry id',
    indexes: [{ name: 'city', keys: [asc('city')], unique: false, why: 'listUpgradeSites of one city' }],
  },
  {
    name: COLLECTIONS.cardMoves,
    id: 'random',
    indexes: [
      { name: 'idIndex_at', keys: [asc('idIndex'), desc('at')], unique: false, why: 'countMoves' },
      { name: 'fromHolder_at', keys: [asc('fromHolder'), desc('at')], unique: false, why: 'lastMoveFrom' },
    ],
  },
  { name: COLLECTIONS.terminals, id: 'the terminal id', indexes: [] },
  {
    name: COLLECTIONS.spentTokens,
    id: 'UNIQUE: the presentation token id (one use per token)',
    indexes: [{ name: 'usedAt', keys: [asc('usedAt')], unique: false, why: 'prune' }],
  },
  {
    name: COLLECTIONS.spentTerminalProofs,
    id: 'UNIQUE: <terminalId>:<proof id> (one use per once-only terminal proof)',
    indexes: [{ name: 'keptUntil', keys: [asc('keptUntil')], unique: false, why: 'prune' }],
  },
  {
    name: COLLECTIONS.usages,
    id: '<cardId>:<seq>',
    indexes: [{ name: 'cardId_seq', keys: [asc('cardId'), desc('seq')], unique: true, why: 'listUsages newest first; one usage per number of a card' }],
  },
  {
    name: COLLECTIONS.auditCheckpoints,
    id: 'generated',
    indexes: [{ name: 'at', keys: [asc('at')], unique: false, why: 'listAuditCheckpoints oldest first' }],
  },
  {
    name: COLLECTIONS.partners,
    id: 'the partner id',
    indexes: [
      { name: 'creditCode', keys: [asc('creditCode')], unique: true, why: 'one partner per unified social credit code (insertPartner)' },
      { name: 'createdAt', keys: [asc('createdAt')], unique: false, why: 'listPartners oldest first' },
    ],
  },
  {
    name: COLLECTIONS.partnerAssertions,
    id: 'generated (the partnerId_jti index is the UNIQUE one: one spend per partner and assertion id)',
    indexes: [
      { name: 'partnerId_jti', keys: [asc('partnerId'), asc('jti')], unique: true, why: 'one spend per partner assertion id (spendPartnerAssertion)' },
      { name: 'expiresAt', keys: [asc('expiresAt')], unique: false, why: 'prune' },
    ],
  },
  {
    name: COLLECTIONS.tiles,
    id: 'the tile id (its versions inside)',
    indexes: [
      { name: 'partnerId_createdAt', keys: [asc('partnerId'), asc('createdAt')], unique: false, why: 'listTiles of one partner' },
      { name: 'createdAt', keys: [asc('createdAt')], unique: false, why: 'listTiles, listServingTiles oldest first' },
    ],
  },
  {
    name: COLLECTIONS.grants,
    id: 'the grant id',
    indexes: [{ name: 'cardId_grantedAt', keys: [asc('cardId'), desc('grantedAt')], unique: false, why: 'listGrants newest first' }],
  },
  { name: COLLECTIONS.grantSlots, id: "UNIQUE: <cardId>:<tileId>, naming the card's one grant to the tile that may be unrevoked", indexes: [] },
  {
    name: COLLECTIONS.authCodes,
    id: 'the authorisation code id',
    indexes: [{ name: 'expiresAt', keys: [asc('expiresAt')], unique: false, why: 'prune' }],
  },
  { name: COLLECTIONS.exchangeCounters, id: 'the card id: its exchange numbers', indexes: [] },
  {
    name: COLLECTIONS.exchanges,
    id: '<cardId>:<seq>',
    indexes: [{ name: 'cardId_seq', keys: [asc('cardId'), desc('seq')], unique: true, why: 'listExchanges newest first; one exchange per number of a card' }],
  },
];
