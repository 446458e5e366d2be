/**
 * The ServicesStore port on the CloudBase database (tcb-admin-node), for the
 * deployed functions: partners, tiles with their versions, grants, one-time
 * authorisation codes, spent partner assertion ids and the exchanges citizens
 * read. Collections and document shapes: collections.ts; the SDK, its pinned
 * dependencies and why caller input does not reach them: database.ts.
 *
 * As in cloudbase-store.ts, each guarantee of the services store contract
 * (test/store/services-store-contract.ts) rests on one of two things
 * CloudBase provides, named where it is relied on:
 * - [txn] a transaction (transactions.ts): snapshot reads, a write lock per
 *   document written, all writes at commit or none; each one writes the
 *   document whose reading decided it, so a stale read conflicts and retries;
 * - [unique] a unique index, `_id` included: a second insert of the same key
 *   fails with DATABASE_DUPLICATE_WRITE, whichever instance sends it.
 * A tile and all its versions are one document, so deciding or adding a
 * version is a single-document transaction. A plain single-document write
 * (setPartnerStatus, setTileSuspended) is atomic for that document and needs
 * neither.
 */
import type {
  AuthCodeRecord,
  ExchangeRecord,
  GrantRecord,
  PartnerRecord,
  Redemption,
  ServicesPruneCounts,
  ServicesPruneCutoffs,
  ServicesStore,
  ServingTile,
  TileRecord,
  TileVersionRecord,
} from '../../domain/services-store';
import { FORGOTTEN_EXCHANGE, PartnerConflict, cardRefusal } from '../../domain/services-store';
import type { Database } from 'tcb-admin-node';
import { DUPLICATE_WRITE, hasCode, unwrap } from './cloudbase-error';
import {
  COLLECTIONS,
  type AuthCodeDoc,
  type CardDoc,
  type ExchangeCounterDoc,
  type ExchangeDoc,
  type GrantDoc,
  type GrantSlotDoc,
  type PartnerDoc,
  type TileDoc,
  type TileVersionDoc,
} from './collections';
import { openDatabase, type CloudBaseConnection } from './database';
import { inTransaction, readInTransaction } from './transactions';

/** Documents per query page (the SDK's own default; its maximum is 1000). */
const PAGE = 100;
/** Values per `in` condition when fetching partners by id. */
const IN_BATCH = 100;

const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));
const msOrNull = (date: Date | null) => date?.getTime() ?? null;
const grantSlot = (cardId: string, tileId: string) => `${cardId}:${tileId}`;

const toPartnerDoc = ({ id, createdAt, publicKeyJwk, ...rest }: PartnerRecord): PartnerDoc => ({
  _id: id,
  ...rest,
  scopes: [...rest.scopes],
  domains: [...rest.domains],
  appIds: [...rest.appIds],
  publicKeyJwk: { kty: 'EC', crv: 'P-256', x: publicKeyJwk.x, y: publicKeyJwk.y },
  createdAt: createdAt.getTime(),
});

const toPartner = (doc: PartnerDoc): PartnerRecord => ({
  id: doc._id,
  name: doc.name,
  creditCode: doc.creditCode,
  contact: doc.contact,
  scopes: doc.scopes,
  domains: doc.domains,
  appIds: doc.appIds,
  publicKeyJwk: { kty: 'EC', crv: 'P-256', x: doc.publicKeyJwk.x, y: doc.publicKeyJwk.y },
  status: doc.status,
  createdAt: new Date(doc.createdAt),
});

const toVersionDoc = (v: TileVersionRecord): TileVersionDoc => ({
  version: v.version,
  manifest: v.manifest,
  status: v.status,
  reason: v.reason,
  submittedAt: v.submittedAt.getTime(),
  decidedAt: msOrNull(v.decidedAt),
});

const toVersion = (doc: TileVersionDoc): TileVersionRecord => ({
  version: doc.version,
  manifest: doc.manifest,
  status: doc.status,
  reason: doc.reason,
  submittedAt: new Date(doc.submittedAt),
  decidedAt: dateOrNull(doc.decidedAt),
});

const toTileDoc = (tile: TileRecord): TileDoc => ({
  _id: tile.id,
  partnerId: tile.partnerId,
  suspended: tile.suspended,
  servingVersion: tile.servingVersion,
  createdAt: tile.createdAt.getTime(),
  versions: tile.versions.map(toVersionDoc),
});

const toTile = (doc: TileDoc): TileRecord => ({
  id: doc._id,
  partnerId: doc.partnerId,
  suspended: doc.suspended,
  servingVersion: doc.servingVersion,
  createdAt: new Date(doc.createdAt),
  versions: doc.versions.map(toVersion),
});

const toGrantDoc = (grant: GrantRecord): GrantDoc => ({
  _id: grant.id,
  cardId: grant.cardId,
  partnerId: grant.partnerId,
  tileId: grant.tileId,
  scopes: [...grant.scopes],
  grantedAt: grant.grantedAt.getTime(),
  expiresAt: grant.expiresAt.getTime(),
  revokedAt: msOrNull(grant.revokedAt),
  lastUsedAt: msOrNull(grant.lastUsedAt),
});

const toGrant = (doc: GrantDoc): GrantRecord => ({
  id: doc._id,
  cardId: doc.cardId,
  partnerId: doc.partnerId,
  tileId: doc.tileId,
  scopes: doc.scopes,
  grantedAt: new Date(doc.grantedAt),
  expiresAt: new Date(doc.expiresAt),
  revokedAt: dateOrNull(doc.revokedAt),
  lastUsedAt: dateOrNull(doc.lastUsedAt),
});

const toAuthCodeDoc = (code: AuthCodeRecord): AuthCodeDoc => ({
  _id: code.id,
  grantId: code.grantId,
  tileId: code.tileId,
  partnerId: code.partnerId,
  cardId: code.cardId,
  createdAt: code.createdAt.getTime(),
  expiresAt: code.expiresAt.getTime(),
  usedAt: msOrNull(code.usedAt),
});

const toAuthCode = (doc: AuthCodeDoc): AuthCodeRecord => ({
  id: doc._id,
  grantId: doc.grantId,
  tileId: doc.tileId,
  partnerId: doc.partnerId,
  cardId: doc.cardId,
  createdAt: new Date(doc.createdAt),
  expiresAt: new Date(doc.expiresAt),
  usedAt: dateOrNull(doc.usedAt),
});

const toExchangeDoc = (exchange: Omit<ExchangeRecord, 'id'>, seq: number): ExchangeDoc => ({
  _id: `${exchange.cardId}:${seq}`,
  seq,
  cardId: exchange.cardId,
  at: exchange.at.getTime(),
  partnerId: exchange.partnerId,
  partnerName: exchange.partnerName,
  tileId: exchange.tileId,
  tileTitle: { zh: exchange.tileTitle.zh, en: exchange.tileTitle.en },
  grantId: exchange.grantId,
  scopes: [...exchange.scopes],
});

const toExchange = (doc: ExchangeDoc): ExchangeRecord => ({
  id: doc.seq,
  cardId: doc.cardId,
  at: new Date(doc.at),
  partnerId: doc.partnerId,
  partnerName: doc.partnerName,
  tileId: doc.tileId,
  tileTitle: { zh: doc.tileTitle.zh, en: doc.tileTitle.en },
  grantId: doc.grantId,
  scopes: doc.scopes,
});

type Order = Array<[string, 'asc' | 'desc']>;

export class CloudBaseServicesStore implements ServicesStore {
  constructor(private readonly db: Database) {}

  static open(connection: CloudBaseConnection): CloudBaseServicesStore {
    return new CloudBaseServicesStore(openDatabase(connection));
  }

  private get _() {
    return this.db.command;
  }

  private async getDoc<T>(collection: string, id: string): Promise<T | null> {
    const { data } = await unwrap(this.db.collection(collection).doc(id).get());
    return (data[0] as T | undefined) ?? null;
  }

  /** A plain single-document update; whether the document exists. */
  private async updateExisting(collection: string, id: string, fields: Record<string, unknown>): Promise<boolean> {
    const { updated } = await unwrap(this.db.collection(collection).doc(id).update(fields));
    // Zero updated is also what an unchanged value gives: only a read tells that from an unknown document.
    return updated > 0 || (await this.getDoc(collection, id)) !== null;
  }

  /** Every matching document, page by page in a stable order (the last key breaks ties). */
  private async queryAll<T>(collection: string, where: Record<string, unknown>, order: Order): Promise<T[]> {
    const all: T[] = [];
    for (;;) {
      let query = this.db.collection(collection).where(where);
      for (const [field, direction] of order) query = query.orderBy(field, direction);
      if (all.length > 0) query = query.skip(all.length);
      const { data } = await unwrap(query.limit(PAGE).get());
      all.push(...(data as T[]));
      if (data.length < PAGE) return all;
    }
  }

  /** [unique] on `creditCode` (and `_id`): a second partner with the credit code fails and writes nothing. */
  async insertPartner(partner: PartnerRecord): Promise<void> {
    try {
      await unwrap(this.db.collection(COLLECTIONS.partners).add({ ...toPartnerDoc(partner) }));
    } catch (error) {
      if (hasCode(error, DUPLICATE_WRITE)) throw new PartnerConflict();
      throw error;
    }
  }

  async getPartner(id: string): Promise<PartnerRecord | null> {
    const doc = await this.getDoc<PartnerDoc>(COLLECTIONS.partners, id);
    return doc ? toPartner(doc) : null;
  }

  async listPartners(): Promise<PartnerRecord[]> {
    return (await this.queryAll<PartnerDoc>(COLLECTIONS.partners, {}, [['createdAt', 'asc'], ['_id', 'asc']])).map(toPartner);
  }

  async setPartnerStatus(id: string, status: PartnerRecord['status']): Promise<boolean> {
    return this.updateExisting(COLLECTIONS.partners, id, { status });
  }

  /** [unique] on (partnerId, jti): of any number of spends, one inserts; the others fail with DATABASE_DUPLICATE_WRITE. */
  async spendPartnerAssertion(partnerId: string, jti: string, expiresAt: Date): Promise<boolean> {
    try {
      await unwrap(this.db.collection(COLLECTIONS.partnerAssertions).add({ partnerId, jti, expiresAt: expiresAt.getTime() }));
      return true;
    } catch (error) {
      if (hasCode(error, DUPLICATE_WRITE)) return false;
      throw error;
    }
  }

  /** One document, the tile with its versions: written whole or not at all. */
  async insertTile(tile: TileRecord): Promise<void> {
    await unwrap(this.db.collection(COLLECTIONS.tiles).add({ ...toTileDoc(tile) }));
  }

  async getTile(id: string): Promise<TileRecord | null> {
    const doc = await this.getDoc<TileDoc>(COLLECTIONS.tiles, id);
    return doc ? toTile(doc) : null;
  }

  async listTiles(filter: { partnerId?: string } = {}): Promise<TileRecord[]> {
    const where = filter.partnerId === undefined ? {} : { partnerId: filter.partnerId };
    return (await this.queryAll<TileDoc>(COLLECTIONS.tiles, where, [['createdAt', 'asc'], ['_id', 'asc']])).map(toTile);
  }

  /** Plain reads: a tile or partner changed meanwhile shows on the next listing, as it would a moment later. */
  async listServingTiles(): Promise<ServingTile[]> {
    const tiles = await this.queryAll<TileDoc>(COLLECTIONS.tiles, { servingVersion: this._.neq(null), suspended: false }, [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ]);
    const partnerIds = [...new Set(tiles.map((t) => t.partnerId))];
    const partners = new Map<string, PartnerRecord>();
    for (let i = 0; i < partnerIds.length; i += IN_BATCH) {
      const where = { _id: this._.in(partnerIds.slice(i, i + IN_BATCH)), status: 'active' };
      for (const doc of await this.queryAll<PartnerDoc>(COLLECTIONS.partners, where, [['_id', 'asc']])) partners.set(doc._id, toPartner(doc));
    }
    const serving: ServingTile[] = [];
    for (const doc of tiles) {
      const partner = partners.get(doc.partnerId);
      const version = doc.versions.find((v) => v.version === doc.servingVersion);
      if (partner && version) serving.push({ tile: toTile(doc), manifest: version.manifest, partner });
    }
    return serving;
  }

  /**
   * [txn] on the tile document: its latest version decides, and the same
   * document is written with the new version, so of concurrent submissions
   * over one latest version one commits and the others conflict, retry, and
   * find the latest moved on (false, nothing written).
   */
  async addTileVersion(tileId: string, version: TileVersionRecord, expectedLatest: number, servesAtOnce: boolean): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const tile = await readInTransaction<TileDoc>(tx, COLLECTIONS.tiles, tileId);
      if (!tile || tile.versions[tile.versions.length - 1]?.version !== expectedLatest) return false;
      const versions = tile.versions.map((v): TileVersionDoc => {
        const replaced = v.status === 'pending' || (servesAtOnce && v.version === tile.servingVersion && v.version !== version.version);
        return replaced ? { ...v, status: 'superseded' } : v;
      });
      versions.push(toVersionDoc(version));
      const servingVersion = servesAtOnce ? version.version : tile.servingVersion;
      await tx.collection(COLLECTIONS.tiles).doc(tileId).update({ versions, servingVersion });
      return true;
    });
  }

  /**
   * [txn] on the tile document: the version's status decides and is written
   * back in the same document, so of concurrent decisions one commits and the
   * others conflict, retry, and find it no longer pending.
   */
  async decideTileVersion(tileId: string, version: number, decision: { status: 'approved' | 'rejected'; reason: string | null; at: Date }): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const tile = await readInTransaction<TileDoc>(tx, COLLECTIONS.tiles, tileId);
      if (!tile || tile.versions.find((v) => v.version === version)?.status !== 'pending') return false;
      const approved = decision.status === 'approved';
      const versions = tile.versions.map((v): TileVersionDoc => {
        if (v.version === version) return { ...v, status: decision.status, reason: decision.reason, decidedAt: decision.at.getTime() };
        if (approved && v.version === tile.servingVersion) return { ...v, status: 'superseded' };
        return v;
      });
      await tx.collection(COLLECTIONS.tiles).doc(tileId).update({ versions, servingVersion: approved ? version : tile.servingVersion });
      return true;
    });
  }

  async setTileSuspended(tileId: string, suspended: boolean): Promise<boolean> {
    return this.updateExisting(COLLECTIONS.tiles, tileId, { suspended });
  }

  /**
   * [txn] on the card's slot for the tile, which names the one grant that may
   * still be unrevoked: that grant is revoked, the new one inserted and the
   * slot pointed at it in one commit. Concurrent grants to one tile write the
   * same slot, so one commits and the others conflict and retry (then revoke
   * the winner). [unique] on the slot's `_id` for a card's first grant to the
   * tile: of two first grants one inserts the slot, the other fails with
   * DATABASE_DUPLICATE_WRITE, writes nothing, and runs once more over the
   * slot that now exists. [unique] on the grant's `_id`.
   */
  async insertGrant(grant: GrantRecord): Promise<void> {
    try {
      await this.insertGrantOnce(grant);
    } catch (error) {
      if (!hasCode(error, DUPLICATE_WRITE)) throw error;
      // A first grant to the tile committed its slot after our snapshot (or the grant id exists, which fails again).
      await this.insertGrantOnce(grant);
    }
  }

  private async insertGrantOnce(grant: GrantRecord): Promise<void> {
    const slotId = grantSlot(grant.cardId, grant.tileId);
    await inTransaction(this.db, async (tx) => {
      const slot = await readInTransaction<GrantSlotDoc>(tx, COLLECTIONS.grantSlots, slotId);
      if (slot) {
        const previous = await readInTransaction<GrantDoc>(tx, COLLECTIONS.grants, slot.grantId);
        if (previous && previous.revokedAt === null) {
          await tx.collection(COLLECTIONS.grants).doc(slot.grantId).update({ revokedAt: grant.grantedAt.getTime() });
        }
        await tx.collection(COLLECTIONS.grantSlots).doc(slotId).update({ grantId: grant.id });
      } else {
        await tx.collection(COLLECTIONS.grantSlots).add({ _id: slotId, grantId: grant.id });
      }
      await tx.collection(COLLECTIONS.grants).add({ ...toGrantDoc(grant) });
    });
  }

  async getGrant(id: string): Promise<GrantRecord | null> {
    const doc = await this.getDoc<GrantDoc>(COLLECTIONS.grants, id);
    return doc ? toGrant(doc) : null;
  }

  async listGrants(cardId: string): Promise<GrantRecord[]> {
    return (await this.queryAll<GrantDoc>(COLLECTIONS.grants, { cardId }, [['grantedAt', 'desc'], ['_id', 'desc']])).map(toGrant);
  }

  /** [txn] on the grant: its owner and revocation are read and the revocation written in one step. */
  async revokeGrant(id: string, cardId: string, at: Date): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const grant = await readInTransaction<GrantDoc>(tx, COLLECTIONS.grants, id);
      if (!grant || grant.cardId !== cardId || grant.revokedAt !== null) return false;
      await tx.collection(COLLECTIONS.grants).doc(id).update({ revokedAt: at.getTime() });
      return true;
    });
  }

  async insertAuthCode(code: AuthCodeRecord): Promise<void> {
    await unwrap(this.db.collection(COLLECTIONS.authCodes).add({ ...toAuthCodeDoc(code) }));
  }

  async getAuthCode(id: string): Promise<AuthCodeRecord | null> {
    const doc = await this.getDoc<AuthCodeDoc>(COLLECTIONS.authCodes, id);
    return doc ? toAuthCode(doc) : null;
  }

  /**
   * [txn] the code, its grant, the card's exchange counter and the exchange
   * commit together or not at all. The code's `usedAt` decides and the code
   * is written first, so of concurrent redemptions one commits and the
   * others conflict, retry, and find it used; the grant's revocation decides
   * and the grant is written (its last use), so a revocation committed first
   * is read, and one racing it conflicts. The same for the card (the Store's
   * document, on the same database): its status and expiry decide
   * (cardRefusal), and it is written (its last exchange), so a report of
   * loss or a revocation committed first is read, and one racing it
   * conflicts. [unique] on the exchange's (cardId, seq).
   */
  async redeemAuthCode(codeId: string, exchange: Omit<ExchangeRecord, 'id'>): Promise<Redemption> {
    const at = exchange.at.getTime();
    return inTransaction(this.db, async (tx): Promise<Redemption> => {
      const code = await readInTransaction<AuthCodeDoc>(tx, COLLECTIONS.authCodes, codeId);
      if (!code) return 'unknown';
      if (code.usedAt !== null) return 'used';
      const grant = await readInTransaction<GrantDoc>(tx, COLLECTIONS.grants, code.grantId);
      if (!grant || grant.revokedAt !== null) return 'revoked';
      const card = await readInTransaction<CardDoc>(tx, COLLECTIONS.cards, code.cardId);
      if (!card) return 'unknown';
      const refusal = cardRefusal({ status: card.status, expiresAt: new Date(card.expiresAt) }, exchange.at);
      if (refusal) return refusal;
      await tx.collection(COLLECTIONS.authCodes).doc(codeId).update({ usedAt: at });
      await tx.collection(COLLECTIONS.grants).doc(code.grantId).update({ lastUsedAt: at });
      await tx.collection(COLLECTIONS.cards).doc(code.cardId).update({ lastExchangeAt: at });
      const counter = await readInTransaction<ExchangeCounterDoc>(tx, COLLECTIONS.exchangeCounters, exchange.cardId);
      const seq = (counter?.seq ?? 0) + 1;
      await tx.collection(COLLECTIONS.exchangeCounters).doc(exchange.cardId).set({ seq });
      await tx.collection(COLLECTIONS.exchanges).add({ ...toExchangeDoc(exchange, seq) });
      return 'redeemed';
    });
  }

  async listExchanges(cardId: string, page: { before?: number; limit: number }): Promise<ExchangeRecord[]> {
    const where = { cardId, seq: this._.lt(page.before ?? Number.MAX_SAFE_INTEGER) };
    const { data } = await unwrap(this.db.collection(COLLECTIONS.exchanges).where(where).orderBy('seq', 'desc').limit(page.limit).get());
    return (data as unknown as ExchangeDoc[]).map(toExchange);
  }

  /**
   * Not one transaction: a card's records can outgrow one, and each step is
   * idempotent, so a call that failed half-way is repeated whole. Codes,
   * grant slots and grants are removed; exchanges rewritten one by one.
   */
  async forgetCard(cardId: string, at: Date): Promise<void> {
    const grants = await this.queryAll<GrantDoc>(COLLECTIONS.grants, { cardId }, [['_id', 'asc']]);
    await unwrap(this.db.collection(COLLECTIONS.authCodes).where({ cardId }).remove());
    for (const tileId of new Set(grants.map((grant) => grant.tileId))) {
      await unwrap(this.db.collection(COLLECTIONS.grantSlots).where({ _id: `${cardId}:${tileId}` }).remove());
    }
    await unwrap(this.db.collection(COLLECTIONS.grants).where({ cardId }).remove());
    const exchanges = await this.queryAll<ExchangeDoc>(COLLECTIONS.exchanges, { cardId }, [['seq', 'asc']]);
    for (const exchange of exchanges) {
      await unwrap(this.db.collection(COLLECTIONS.exchanges).doc(exchange._id).update({ ...FORGOTTEN_EXCHANGE, scopes: [], at: at.getTime() }));
    }
  }

  /** Not atomic as a whole (pruning needs no guarantee): two conditional removes. */
  async prune(cutoffs: ServicesPruneCutoffs): Promise<ServicesPruneCounts> {
    const { deleted: partnerAssertions } = await unwrap(
      this.db.collection(COLLECTIONS.partnerAssertions).where({ expiresAt: this._.lt(cutoffs.assertionsBefore.getTime()) }).remove(),
    );
    const { deleted: authCodes } = await unwrap(
      this.db.collection(COLLECTIONS.authCodes).where({ expiresAt: this._.lt(cutoffs.codesBefore.getTime()) }).remove(),
    );
    return { partnerAssertions: Number(partnerAssertions), authCodes: Number(authCodes) };
  }

  async close(): Promise<void> {
    // Each call is its own HTTPS request: nothing to close.
  }
}
