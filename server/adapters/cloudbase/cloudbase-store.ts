/**
 * The Store port on the CloudBase database (tcb-admin-node), for the deployed
 * functions, with the callers' check budgets (the CheckBudget port) in the
 * same database. Collections and document shapes: collections.ts.
 *
 * Each guarantee of the store contract (test/store/store-contract.ts) rests
 * on one of two things CloudBase provides, named where it is relied on:
 * - [txn] a transaction (transactions.ts): snapshot reads, a write lock per
 *   document written, all writes at commit or none; each one writes the
 *   document whose reading decided it, so a stale read conflicts and retries;
 * - [unique] a unique index, `_id` included: a second insert of the same key
 *   fails with DATABASE_DUPLICATE_WRITE, whichever instance sends it.
 * A plain single-document write (markFacePassed, setTerminalEnabled) is
 * atomic for that document and needs neither.
 *
 * Plain reads outside a transaction see committed data; a commit that wrote
 * several documents may become visible to them one document at a time, which
 * no reader here depends on (a card and its identity are one document).
 */
import { randomBytes } from 'node:crypto';
import type { Database, Transaction } from 'tcb-admin-node';
import type { BudgetPlace, CheckBudget } from '../../domain/ports';
import {
  type AuditCheckpointRecord,
  type ChainedUsage,
  CardChanged,
  CardConflict,
  TokenAlreadyUsed,
  takesUse,
  type CardChange,
  type CardMoveRecord,
  type CardPasswordRecord,
  type CardRecord,
  type ExpectedCard,
  type CardUpgrade,
  type FaceSessionRecord,
  type FaceStartLimit,
  type HeldCard,
  type IdentityRecord,
  type PruneCounts,
  type PruneCutoffs,
  type Store,
  type TerminalRecord,
  type UpgradeSiteRecord,
  type UsageRecord,
} from '../../domain/store';
import { DUPLICATE_WRITE, hasCode, unwrap } from './cloudbase-error';
import { COLLECTIONS, type AuditCheckpointDoc, type CardDoc, type CardHoldDoc, type CardMoveDoc, type CardPasswordDoc, type IdentityKeyDoc, type UpgradeSiteDoc, type FaceSessionDoc, type FaceStartsDoc, type FailuresDoc, type TerminalDoc, type UsageDoc } from './collections';
import { openDatabase, type CloudBaseConnection } from './database';
import { toCardDoc, toChainedUsage, toFaceSession, toFaceSessionDoc, toHeldCard, toTerminal, toTerminalDoc, toUsage, toUsageDoc } from './documents';
import { GENESIS_HASH, REDACTED_DETAILS, chainUsage } from '../usage-chain';
import { pruneLedgers } from './prune-ledgers';
import { inTransaction, readInTransaction } from './transactions';

/** A check-budget place outlives no function call (timeouts ≤ 60 s, cloudbaserc.json); after this it is free again. */
export const PLACE_LIFETIME_MS = 2 * 60 * 1000;

const holderHold = (holder: string) => `holder:${holder}`;
/** What stands in for an erased value in a shredded card's audit entry: unique per card, derived from nothing personal. */
const shredded = (cardId: string) => `shredded:${cardId}`;
const idNumberHold = (idIndex: string) => `id:${idIndex}`;
/** Whether the card is still what a decision saw (Store.changeCard): status and the claims its signature covers. */
const isAsExpected = (card: CardDoc, expected: ExpectedCard) =>
  card.status === expected.status &&
  card.level === expected.level &&
  card.issuedAt === expected.issuedAt.getTime() &&
  card.expiresAt === expected.expiresAt.getTime();

/** Raised by recordVerification when the usage names no card; nothing was written and the token stays unspent. */
export class UnknownCard extends Error {
  constructor() {
    super('The usage names no card');
    this.name = 'UnknownCard';
  }
}

const toCardPassword = (doc: CardPasswordDoc): CardPasswordRecord => ({
  cardId: doc._id,
  hash: doc.hash,
  triesUsed: doc.triesUsed,
  lastTryAt: doc.lastTryAt === null ? null : new Date(doc.lastTryAt),
  setAt: new Date(doc.setAt),
});

/** Documents per page of the audit's walks (the SDK's most per query is 1000). */
const AUDIT_PAGE = 500;

export class CloudBaseStore implements Store, CheckBudget {
  constructor(private readonly db: Database) {}

  static open(connection: CloudBaseConnection): CloudBaseStore {
    return new CloudBaseStore(openDatabase(connection));
  }

  private get _() {
    return this.db.command;
  }

  private async getDoc<T>(collection: string, id: string): Promise<T | null> {
    const { data } = await unwrap(this.db.collection(collection).doc(id).get());
    return (data[0] as T | undefined) ?? null;
  }

  private async query<T>(collection: string, where: Record<string, unknown>, limit: number, order?: [string, 'asc' | 'desc']): Promise<T[]> {
    let query = this.db.collection(collection).where(where);
    if (order) query = query.orderBy(...order);
    const { data } = await unwrap(query.limit(limit).get());
    return data as T[];
  }

  /**
   * [txn] on the holder's starts ledger: its count decides, and it is always
   * written when a session opens, so concurrent opens conflict and retry
   * rather than both counting the same starts. The same transaction closes
   * the session the ledger names as open.
   */
  async openFaceSession(session: FaceSessionRecord, limit: FaceStartLimit): Promise<boolean> {
    const created = session.createdAt.getTime();
    return inTransaction(this.db, async (tx) => {
      const ledger = await readInTransaction<FaceStartsDoc>(tx, COLLECTIONS.faceStarts, session.holder);
      const starts = ledger?.starts ?? [];
      if (starts.filter((at) => at > limit.since.getTime()).length >= limit.max) return false;
      if (ledger?.open) {
        const previous = await readInTransaction<FaceSessionDoc>(tx, COLLECTIONS.faceSessions, ledger.open);
        if (previous && previous.passedAt === null && previous.expiresAt > created) {
          await tx.collection(COLLECTIONS.faceSessions).doc(ledger.open).update({ expiresAt: created });
        }
      }
      await tx.collection(COLLECTIONS.faceSessions).add({ ...toFaceSessionDoc(session) });
      await tx.collection(COLLECTIONS.faceStarts).doc(session.holder).set({ starts: [...starts, created], open: session.id });
      return true;
    });
  }

  /** [txn] on the session: the attempt count read is the one written back, so no two spends see the same count. */
  async spendFaceAttempt(id: string, holder: string, now: Date, maxAttempts: number): Promise<FaceSessionRecord | null> {
    return inTransaction(this.db, async (tx) => {
      const doc = await readInTransaction<FaceSessionDoc>(tx, COLLECTIONS.faceSessions, id);
      if (!doc || doc.holder !== holder || doc.expiresAt <= now.getTime() || doc.attemptsUsed >= maxAttempts || doc.passedAt !== null) return null;
      const attemptsUsed = doc.attemptsUsed + 1;
      await tx.collection(COLLECTIONS.faceSessions).doc(id).update({ attemptsUsed });
      return toFaceSession({ ...doc, attemptsUsed });
    });
  }

  async markFacePassed(id: string, at: Date): Promise<void> {
    await unwrap(this.db.collection(COLLECTIONS.faceSessions).doc(id).update({ passedAt: at.getTime() }));
  }

  async lastFacePassedAt(holder: string): Promise<Date | null> {
    const [latest] = await this.query<FaceSessionDoc>(COLLECTIONS.faceSessions, { holder, passedAt: this._.neq(null) }, 1, ['passedAt', 'desc']);
    return latest?.passedAt ? new Date(latest.passedAt) : null;
  }

  /** [txn] on each key's ledger: appended entries are never lost to a concurrent append. */
  async recordFailure(keys: string[], at: Date): Promise<void> {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    await inTransaction(this.db, async (tx) => {
      for (const [key, count] of counts) {
        const ledger = await readInTransaction<FailuresDoc>(tx, COLLECTIONS.failures, key);
        const entries = [...(ledger?.at ?? []), ...Array<number>(count).fill(at.getTime())];
        await tx.collection(COLLECTIONS.failures).doc(key).set({ at: entries, places: ledger?.places ?? [] });
      }
    });
  }

  async forgetFailures(key: string): Promise<void> {
    await unwrap(this.db.collection(COLLECTIONS.failures).where({ _id: key }).remove());
  }

  async countFailures(key: string, since: Date): Promise<number> {
    const ledger = await this.getDoc<FailuresDoc>(COLLECTIONS.failures, key);
    return (ledger?.at ?? []).filter((at) => at > since.getTime()).length;
  }

  /**
   * [txn] on the key's ledger: failures and places are counted and the new
   * place written in one step, so concurrent reserves cannot all fit.
   */
  async reserve(key: string, limit: { since: Date; max: number }, now: Date): Promise<BudgetPlace | null> {
    const place = { id: randomBytes(12).toString('base64url'), at: now.getTime() };
    const granted = await inTransaction(this.db, async (tx) => {
      const ledger = await readInTransaction<FailuresDoc>(tx, COLLECTIONS.failures, key);
      const failures = (ledger?.at ?? []).filter((at) => at > limit.since.getTime()).length;
      const places = (ledger?.places ?? []).filter((held) => held.at > place.at - PLACE_LIFETIME_MS);
      if (failures + places.length >= limit.max) return false;
      await tx.collection(COLLECTIONS.failures).doc(key).set({ at: ledger?.at ?? [], places: [...places, place] });
      return true;
    });
    if (!granted) return null;
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        await this.releasePlace(key, place.id);
      },
    };
  }

  /** [txn] on the key's ledger, as reserve. */
  private async releasePlace(key: string, placeId: string): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const ledger = await readInTransaction<FailuresDoc>(tx, COLLECTIONS.failures, key);
      if (!ledger?.places.some((held) => held.id === placeId)) return;
      await tx.collection(COLLECTIONS.failures).doc(key).set({ at: ledger.at, places: ledger.places.filter((held) => held.id !== placeId) });
    });
  }

  async findCardByHolder(holder: string): Promise<HeldCard | null> {
    const [live] = await this.query<CardDoc>(COLLECTIONS.cards, { holder, status: this._.neq('revoked') }, 1);
    return live ? this.withDataKey(live) : null;
  }

  private async withDataKey(doc: CardDoc): Promise<HeldCard> {
    const key = await this.getDoc<IdentityKeyDoc>(COLLECTIONS.identityKeys, doc.identity.id);
    return toHeldCard(doc, key?.wrappedKey ?? null);
  }

  /**
   * [txn] card, data key and both holds together or not at all, and [unique] on the
   * holds' `_id`: a live card already holding the holder or the ID number
   * fails the insert (or, still uncommitted, conflicts and is read on retry).
   */
  async mintCard(identity: IdentityRecord, card: CardRecord): Promise<void> {
    const holds = [idNumberHold(identity.idIndex), holderHold(card.holder)];
    try {
      await inTransaction(this.db, (tx) => this.insertCardIn(tx, identity, card));
    } catch (error) {
      if (!hasCode(error, DUPLICATE_WRITE)) throw error;
      // Committed between our snapshot and our insert: say which, as SQLite does after its unique index fires.
      throw new CardConflict((await this.getDoc<CardHoldDoc>(COLLECTIONS.cardHolds, holds[0])) ? 'id_number' : 'holder');
    }
  }

  /**
   * The card, its data key and its holds, inside a transaction; CardConflict
   * when a hold is taken in its snapshot. `idHoldHandedOver`: a move already
   * handed the ID number's hold to this card.
   */
  private async insertCardIn(tx: Transaction, identity: IdentityRecord, card: CardRecord, { idHoldHandedOver = false } = {}): Promise<void> {
    const idHold = idNumberHold(identity.idIndex);
    const holds = idHoldHandedOver ? [holderHold(card.holder)] : [idHold, holderHold(card.holder)];
    if (!idHoldHandedOver && (await readInTransaction<CardHoldDoc>(tx, COLLECTIONS.cardHolds, idHold))) throw new CardConflict('id_number');
    if (await readInTransaction<CardHoldDoc>(tx, COLLECTIONS.cardHolds, holderHold(card.holder))) throw new CardConflict('holder');
    await tx.collection(COLLECTIONS.cards).add({ ...toCardDoc(card, identity) });
    if (identity.dataKey !== null) await tx.collection(COLLECTIONS.identityKeys).add({ _id: identity.id, wrappedKey: identity.dataKey });
    for (const hold of holds) await tx.collection(COLLECTIONS.cardHolds).add({ _id: hold, cardId: card.id });
  }

  async getHeldCard(cardId: string): Promise<HeldCard | null> {
    const doc = await this.getDoc<CardDoc>(COLLECTIONS.cards, cardId);
    return doc ? this.withDataKey(doc) : null;
  }

  /**
   * [txn] on the card: the status, level, issue time and expiry read are the
   * ones compared (isAsExpected), and the card is written whenever they match,
   * so of concurrent changes decided on the same card one commits and the
   * others conflict, retry, and no longer match. Revoking deletes the card's
   * holds and its identity's data key, erases the sealed identity and the
   * holder, and redacts the card's usages, in the same commit.
   */
  async changeCard(cardId: string, expected: ExpectedCard, change: CardChange): Promise<boolean> {
    const before = change.status === 'revoked' ? await this.getDoc<CardDoc>(COLLECTIONS.cards, cardId) : null;
    const changed = await inTransaction(this.db, (tx) => this.changeCardIn(tx, cardId, expected, change));
    // The person's earlier moves name their ID number's index and old accounts. A transaction
    // writes documents by id only, so this query update follows it (a move's own revocation keeps them: they limit moves).
    if (changed && before) {
      await unwrap(
        this.db
          .collection(COLLECTIONS.cardMoves)
          .where({ idIndex: before.identity.idIndex })
          .update({ idIndex: shredded(cardId), fromHolder: shredded(cardId) }),
      );
    }
    return changed;
  }

  /**
   * The compare-and-set of changeCard inside a transaction (also moveCard's
   * first step). `handOverTo`: a revocation hands the ID number's hold to
   * this card instead of deleting it (one write of one document, rather than
   * a delete and an insert of the same `_id` in one transaction).
   */
  private async changeCardIn(
    tx: Transaction,
    cardId: string,
    expected: ExpectedCard,
    change: CardChange,
    handOverTo?: string,
  ): Promise<boolean> {
    const card = await readInTransaction<CardDoc>(tx, COLLECTIONS.cards, cardId);
    if (!card || !isAsExpected(card, expected)) return false;
    const { renewal, upgrade } = change;
    const revoking = change.status === 'revoked' && card.status !== 'revoked';
    const tombstone = shredded(cardId);
    await tx.collection(COLLECTIONS.cards).doc(cardId).update({
      status: change.status,
      ...(renewal && {
        issuedAt: renewal.issuedAt.getTime(),
        expiresAt: renewal.expiresAt.getTime(),
        keyId: renewal.keyId,
        signature: renewal.signature,
      }),
      ...(upgrade && { level: upgrade.level, keyId: upgrade.keyId, signature: upgrade.signature }),
      ...(revoking && {
        holder: tombstone,
        identity: { id: card.identity.id, idIndex: tombstone, nameSealed: '', idNumberSealed: '', createdAt: card.identity.createdAt },
      }),
    });
    if (revoking) {
      const idHold = idNumberHold(card.identity.idIndex);
      for (const hold of [idHold, holderHold(card.holder)]) {
        const held = await readInTransaction<CardHoldDoc>(tx, COLLECTIONS.cardHolds, hold);
        if (held?.cardId !== cardId) continue;
        if (hold === idHold && handOverTo) await tx.collection(COLLECTIONS.cardHolds).doc(hold).update({ cardId: handOverTo });
        else await tx.collection(COLLECTIONS.cardHolds).doc(hold).delete();
      }
      if (await readInTransaction<IdentityKeyDoc>(tx, COLLECTIONS.identityKeys, card.identity.id)) {
        await tx.collection(COLLECTIONS.identityKeys).doc(card.identity.id).delete();
      }
      if (await readInTransaction<CardPasswordDoc>(tx, COLLECTIONS.cardPasswords, cardId)) {
        await tx.collection(COLLECTIONS.cardPasswords).doc(cardId).delete();
      }
      await this.redactUsagesIn(tx, cardId, card.usageSeq, change.at);
    }
    return true;
  }

  /**
   * Redacts every usage of a card being revoked (Store.changeCard), in the
   * revocation's transaction: a transaction writes by id only, and the card's
   * usages are `<cardId>:1` to `<cardId>:<usageSeq>` (a number with no
   * document, deleted by hand, updates nothing). The card document is written
   * in the same transaction, so a usage recorded meanwhile conflicts rather
   * than escaping. One write per usage: a card used thousands of times makes
   * a long transaction, which CloudBase bounds in time; that has not been
   * measured on the deployed service.
   */
  private async redactUsagesIn(tx: Transaction, cardId: string, usageSeq: number, revokedAt: Date): Promise<void> {
    const redacted = { ...REDACTED_DETAILS, attributes: [], at: revokedAt.getTime(), nonce: null, redacted: true };
    for (let seq = 1; seq <= usageSeq; seq++) await tx.collection(COLLECTIONS.usages).doc(`${cardId}:${seq}`).update(redacted);
  }

  async findLiveCardByIdIndex(idIndex: string): Promise<HeldCard | null> {
    const hold = await this.getDoc<CardHoldDoc>(COLLECTIONS.cardHolds, idNumberHold(idIndex));
    return hold ? this.getHeldCard(hold.cardId) : null;
  }

  /**
   * [txn] the old card's compare-and-set revocation (changeCardIn, which frees
   * its holds), then the new card as mintCard inserts it ([unique] on the
   * holds), then the move's record: all at commit or none.
   */
  async moveCard(
    from: { cardId: string; expected: ExpectedCard },
    identity: IdentityRecord,
    card: CardRecord,
    move: CardMoveRecord,
  ): Promise<boolean> {
    try {
      return await inTransaction(this.db, async (tx) => {
        if (!(await this.changeCardIn(tx, from.cardId, from.expected, { status: 'revoked', at: move.at }, card.id))) return false;
        await this.insertCardIn(tx, identity, card, { idHoldHandedOver: true });
        await tx.collection(COLLECTIONS.cardMoves).add({ ...move, at: move.at.getTime() });
        return true;
      });
    } catch (error) {
      if (!hasCode(error, DUPLICATE_WRITE)) throw error;
      throw new CardConflict((await this.getDoc<CardHoldDoc>(COLLECTIONS.cardHolds, idNumberHold(identity.idIndex))) ? 'id_number' : 'holder');
    }
  }

  async countMoves(idIndex: string, since: Date): Promise<number> {
    return (await this.query<CardMoveDoc>(COLLECTIONS.cardMoves, { idIndex, at: this._.gt(since.getTime()) }, 1000)).length;
  }

  async lastMoveFrom(holder: string): Promise<CardMoveRecord | null> {
    const [latest] = await this.query<CardMoveDoc>(COLLECTIONS.cardMoves, { fromHolder: holder }, 1, ['at', 'desc']);
    return latest ? { fromCardId: latest.fromCardId, fromHolder: latest.fromHolder, toCardId: latest.toCardId, idIndex: latest.idIndex, at: new Date(latest.at) } : null;
  }

  /**
   * [txn] on the card: its status decides, and the card is written (its count
   * of passwords set) with the password document (set upserts inside a
   * transaction: the hash and its fresh tries together). A revocation writes
   * the card too, so the two conflict and one retries, rather than both
   * committing: reading the card alone would not do, for a revocation of a
   * card with no password yet writes no password document to conflict on.
   */
  async setCardPassword(cardId: string, hash: string, at: Date): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const card = await readInTransaction<CardDoc>(tx, COLLECTIONS.cards, cardId);
      if (!card || card.status === 'revoked') return false;
      await tx.collection(COLLECTIONS.cards).doc(cardId).update({ passwordSets: (card.passwordSets ?? 0) + 1 });
      await tx.collection(COLLECTIONS.cardPasswords).doc(cardId).set({ hash, triesUsed: 0, lastTryAt: null, setAt: at.getTime() });
      return true;
    });
  }

  async getCardPassword(cardId: string): Promise<CardPasswordRecord | null> {
    const doc = await this.getDoc<CardPasswordDoc>(COLLECTIONS.cardPasswords, cardId);
    return doc ? toCardPassword(doc) : null;
  }

  /** [txn] on the password document: the count read is the one written back, so concurrent tries never spend the same place. */
  async spendPasswordTry(cardId: string, now: Date, limit: { max: number; lockMs: number }): Promise<CardPasswordRecord | 'locked' | null> {
    return inTransaction(this.db, async (tx) => {
      const doc = await readInTransaction<CardPasswordDoc>(tx, COLLECTIONS.cardPasswords, cardId);
      if (!doc) return null;
      const at = now.getTime();
      if (doc.triesUsed >= limit.max && doc.lastTryAt !== null && doc.lastTryAt > at - limit.lockMs) return 'locked';
      const triesUsed = doc.triesUsed >= limit.max ? 1 : doc.triesUsed + 1;
      await tx.collection(COLLECTIONS.cardPasswords).doc(cardId).update({ triesUsed, lastTryAt: at });
      return toCardPassword({ ...doc, _id: cardId, triesUsed, lastTryAt: at });
    });
  }

  async resetPasswordTries(cardId: string): Promise<void> {
    await unwrap(this.db.collection(COLLECTIONS.cardPasswords).doc(cardId).update({ triesUsed: 0 }));
  }

  /** [txn] a single-document replace. */
  async putUpgradeSite({ id, updatedAt, ...site }: UpgradeSiteRecord): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx.collection(COLLECTIONS.upgradeSites).doc(id).set({ ...site, updatedAt: updatedAt.getTime() });
    });
  }

  /** The directory is small (a few hundred places at most); one page of a thousand holds it. */
  async listUpgradeSites(city?: string): Promise<UpgradeSiteRecord[]> {
    const docs = await this.query<UpgradeSiteDoc>(COLLECTIONS.upgradeSites, city ? { city } : {}, 1000);
    return docs
      .map(({ _id, updatedAt, ...site }) => ({ id: _id, ...site, updatedAt: new Date(updatedAt) }))
      .sort((a, b) => a.city.localeCompare(b.city) || a.id.localeCompare(b.id));
  }

  async insertTerminal(terminal: TerminalRecord): Promise<void> {
    await unwrap(this.db.collection(COLLECTIONS.terminals).add({ ...toTerminalDoc(terminal) }));
  }

  async getTerminal(id: string): Promise<TerminalRecord | null> {
    const doc = await this.getDoc<TerminalDoc>(COLLECTIONS.terminals, id);
    return doc ? toTerminal(doc) : null;
  }

  async setTerminalEnabled(id: string, enabled: boolean): Promise<boolean> {
    const { updated } = await unwrap(this.db.collection(COLLECTIONS.terminals).doc(id).update({ enabled }));
    // Zero updated is also what an unchanged value gives: only a read tells that from an unknown terminal.
    return updated > 0 || (await this.getDoc<TerminalDoc>(COLLECTIONS.terminals, id)) !== null;
  }

  /** [unique] on `_id` = terminal id and proof id: a second add, from any instance, fails with DATABASE_DUPLICATE_WRITE. */
  async spendTerminalProof(terminalId: string, proofId: string, keptUntil: Date): Promise<boolean> {
    try {
      await unwrap(this.db.collection(COLLECTIONS.spentTerminalProofs).add({ _id: `${terminalId}:${proofId}`, keptUntil: keptUntil.getTime() }));
      return true;
    } catch (error) {
      if (hasCode(error, DUPLICATE_WRITE)) return false;
      throw error;
    }
  }

  /**
   * [txn] the card, the spent token, the card's usage number and the usage
   * commit together or not at all, and [unique] on the spent token's `_id`:
   * of any number of claims of one token, one inserts it, the others fail
   * with DATABASE_DUPLICATE_WRITE once it committed (or conflict and retry
   * until then). The card is read first and decides (takesUse): one no longer
   * active, or no longer as an upgrade was signed on, throws CardChanged,
   * which rolls back; one that is gets written (its chain head, and an
   * upgrade's level), so a change to it committed after this snapshot
   * conflicts and the retry reads it. A usage of an unknown card rolls the
   * token back with it.
   */
  async recordVerification(tokenId: string, usage: Omit<UsageRecord, 'id'>, upgrade?: CardUpgrade): Promise<void> {
    try {
      await inTransaction(this.db, async (tx) => {
        const card = await readInTransaction<CardDoc>(tx, COLLECTIONS.cards, usage.cardId);
        if (!card) throw new UnknownCard();
        const found = { status: card.status, level: card.level, issuedAt: new Date(card.issuedAt), expiresAt: new Date(card.expiresAt) };
        if (!takesUse(found, usage.at, upgrade)) throw new CardChanged(found);
        await tx.collection(COLLECTIONS.spentTokens).add({ _id: tokenId, usedAt: usage.at.getTime() });
        const seq = card.usageSeq + 1;
        // The card document holds the chain's head: read and written in this transaction, so no two usages take the same link.
        const prevHash = card.lastUsageHash ?? GENESIS_HASH;
        const { nonce, contentDigest, hash } = chainUsage(usage, prevHash);
        const { level, keyId, signature } = upgrade?.change ?? {};
        await tx.collection(COLLECTIONS.cards).doc(usage.cardId).update({ usageSeq: seq, lastUsageHash: hash, ...(upgrade && { level, keyId, signature }) });
        await tx.collection(COLLECTIONS.usages).add({ ...toUsageDoc(usage, seq), prevHash, hash, nonce, contentDigest });
      });
    } catch (error) {
      if (hasCode(error, DUPLICATE_WRITE)) throw new TokenAlreadyUsed();
      throw error;
    }
  }

  async listUsages(cardId: string, page: { before?: number; limit: number }): Promise<UsageRecord[]> {
    const where = { cardId, seq: this._.lt(page.before ?? Number.MAX_SAFE_INTEGER) };
    return (await this.query<UsageDoc>(COLLECTIONS.usages, where, page.limit, ['seq', 'desc'])).map(toUsage);
  }

  /** Card by card in id order (as SQLite walks them); each card's usages are read newest first by the (cardId, seq) index and given oldest first. */
  async *chainedUsages(): AsyncIterable<ChainedUsage> {
    for await (const card of this.allCards()) {
      const usages: ChainedUsage[] = [];
      for (let before = Number.MAX_SAFE_INTEGER; ; ) {
        const page = await this.query<UsageDoc>(COLLECTIONS.usages, { cardId: card._id, seq: this._.lt(before) }, AUDIT_PAGE, ['seq', 'desc']);
        usages.push(...page.map(toChainedUsage));
        if (page.length < AUDIT_PAGE) break;
        before = page[page.length - 1]!.seq;
      }
      yield* usages.reverse();
    }
  }

  /** The card document keeps its chain's head (recordVerification writes it with the usage). */
  async usageChainHeads(): Promise<Map<string, string>> {
    const heads = new Map<string, string>();
    for await (const card of this.allCards()) if (card.lastUsageHash) heads.set(card._id, card.lastUsageHash);
    return heads;
  }

  async revokedCardIds(): Promise<Set<string>> {
    const revoked = new Set<string>();
    // Only the revoked cards are read, not every card a second time (usageChainHeads walks them all).
    for await (const card of this.allCards({ status: 'revoked' })) revoked.add(card._id);
    return revoked;
  }

  private async *allCards(where: Partial<Pick<CardDoc, 'status'>> = {}): AsyncIterable<CardDoc> {
    for (let after = ''; ; ) {
      const page = await this.query<CardDoc>(COLLECTIONS.cards, { ...where, _id: this._.gt(after) }, AUDIT_PAGE, ['_id', 'asc']);
      yield* page;
      if (page.length < AUDIT_PAGE) return;
      after = page[page.length - 1]!._id;
    }
  }

  async addAuditCheckpoint(checkpoint: AuditCheckpointRecord): Promise<void> {
    const doc: Omit<AuditCheckpointDoc, '_id'> = { at: checkpoint.at.getTime(), token: checkpoint.token, heads: Object.entries(checkpoint.heads) };
    await unwrap(this.db.collection(COLLECTIONS.auditCheckpoints).add(doc));
  }

  async listAuditCheckpoints(): Promise<AuditCheckpointRecord[]> {
    const checkpoints: AuditCheckpointRecord[] = [];
    for (let after = -1; ; ) {
      const page = await this.query<AuditCheckpointDoc>(COLLECTIONS.auditCheckpoints, { at: this._.gt(after) }, AUDIT_PAGE, ['at', 'asc']);
      checkpoints.push(...page.map((doc) => ({ at: new Date(doc.at), token: doc.token, heads: Object.fromEntries(doc.heads) })));
      if (page.length < AUDIT_PAGE) return checkpoints;
      after = page[page.length - 1]!.at;
    }
  }

  /** Not atomic as a whole (pruning needs no guarantee); each ledger is rewritten in its own transaction. */
  async prune(cutoffs: PruneCutoffs): Promise<PruneCounts> {
    const sessionsBefore = cutoffs.faceSessionsBefore.getTime();
    const { deleted: faceSessions } = await unwrap(
      this.db
        .collection(COLLECTIONS.faceSessions)
        .where({ createdAt: this._.lt(sessionsBefore), expiresAt: this._.lt(sessionsBefore), passedAt: this._.eq(null).or(this._.lt(sessionsBefore)) })
        .remove(),
    );
    await pruneLedgers(this.db, { collection: COLLECTIONS.faceStarts, field: 'starts' }, sessionsBefore);
    const failures = await pruneLedgers(this.db, { collection: COLLECTIONS.failures, field: 'at' }, cutoffs.failuresBefore.getTime());
    const { deleted: spentTokens } = await unwrap(
      this.db.collection(COLLECTIONS.spentTokens).where({ usedAt: this._.lt(cutoffs.spentTokensBefore.getTime()) }).remove(),
    );
    const { deleted: terminalProofs } = await unwrap(
      this.db.collection(COLLECTIONS.spentTerminalProofs).where({ keptUntil: this._.lt(cutoffs.terminalProofsBefore.getTime()) }).remove(),
    );
    return { faceSessions: Number(faceSessions), failures, spentTokens: Number(spentTokens), terminalProofs: Number(terminalProofs) };
  }

  async close(): Promise<void> {
    // Each call is its own HTTPS request: nothing to close.
  }
}
