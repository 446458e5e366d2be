/** The Store port over better-sqlite3: the emulator's embedded default. */
import type {
  AuditCheckpointRecord,
  CardChange,
  ChainedUsage,
  CardMoveRecord,
  CardPasswordRecord,
  CardRecord,
  ExpectedCard,
  CardStanding,
  CardUpgrade,
  FaceSessionRecord,
  FaceStartLimit,
  HeldCard,
  IdentityRecord,
  PruneCounts,
  PruneCutoffs,
  Store,
  TerminalRecord,
  UpgradeSiteRecord,
  UsageRecord,
} from '../../domain/store';
import { CardChanged, CardConflict, TokenAlreadyUsed, takesUse } from '../../domain/store';
import { GENESIS_HASH, REDACTED_DETAILS, chainUsage } from '../usage-chain';
import { openDatabase, type Db } from './open-database';
import { WalEraser } from './wal-eraser';

interface FaceSessionRow {
  id: string;
  holder: string;
  challenge: string;
  created_at: number;
  expires_at: number;
  attempts_used: number;
  passed_at: number | null;
}

interface HeldCardRow {
  id: string;
  identity_id: string;
  holder: string;
  level: CardRecord['level'];
  status: CardRecord['status'];
  issued_at: number;
  expires_at: number;
  key_id: string;
  signature: string;
  id_index: string;
  name_sealed: string;
  id_number_sealed: string;
  data_key: string | null;
  identity_created_at: number;
}

const toFaceSession = (row: FaceSessionRow): FaceSessionRecord => ({
  id: row.id,
  holder: row.holder,
  challenge: JSON.parse(row.challenge),
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
  attemptsUsed: row.attempts_used,
  passedAt: row.passed_at === null ? null : new Date(row.passed_at),
});

const toHeldCard = (row: HeldCardRow): HeldCard => ({
  card: {
    id: row.id,
    identityId: row.identity_id,
    holder: row.holder,
    level: row.level,
    status: row.status,
    issuedAt: new Date(row.issued_at),
    expiresAt: new Date(row.expires_at),
    keyId: row.key_id,
    signature: row.signature,
  },
  identity: {
    id: row.identity_id,
    idIndex: row.id_index,
    nameSealed: row.name_sealed,
    idNumberSealed: row.id_number_sealed,
    dataKey: row.data_key,
    createdAt: new Date(row.identity_created_at),
  },
});

interface CardStandingRow {
  status: CardRecord['status'];
  level: CardRecord['level'];
  issued_at: number;
  expires_at: number;
}

const toCardStanding = (row: CardStandingRow): CardStanding => ({
  status: row.status,
  level: row.level,
  issuedAt: new Date(row.issued_at),
  expiresAt: new Date(row.expires_at),
});

interface CardPasswordRow {
  card_id: string;
  hash: string;
  tries_used: number;
  last_try_at: number | null;
  set_at: number;
}

const toCardPassword = (row: CardPasswordRow): CardPasswordRecord => ({
  cardId: row.card_id,
  hash: row.hash,
  triesUsed: row.tries_used,
  lastTryAt: row.last_try_at === null ? null : new Date(row.last_try_at),
  setAt: new Date(row.set_at),
});

interface UpgradeSiteRow {
  id: string;
  city: string;
  name: string;
  address: string;
  hours: string;
  status: UpgradeSiteRecord['status'];
  updated_at: number;
}

const toUpgradeSite = (row: UpgradeSiteRow): UpgradeSiteRecord => ({
  id: row.id,
  city: row.city,
  name: row.name,
  address: row.address,
  hours: JSON.parse(row.hours),
  status: row.status,
  updatedAt: new Date(row.updated_at),
});

interface TerminalRow {
  id: string;
  organisation: string;
  city: string;
  scenes: string;
  public_key_jwk: string;
  enabled: number;
  created_at: number;
}

export interface UsageRow {
  id: number;
  card_id: string;
  at: number;
  terminal_id: string;
  organisation: string;
  scene: UsageRecord['scene'];
  attributes: string;
}

const toTerminal = (row: TerminalRow): TerminalRecord => ({
  id: row.id,
  organisation: row.organisation,
  city: row.city,
  scenes: JSON.parse(row.scenes),
  publicKeyJwk: JSON.parse(row.public_key_jwk),
  enabled: row.enabled === 1,
  createdAt: new Date(row.created_at),
});

/** A usage row as the record the domain reads (the audit also reads rows this way: server/cli/audit-verify.ts). */
type ChainedUsageRow = UsageRow & { prev_hash: string | null; hash: string | null; nonce: string | null; content_digest: string | null; redacted: number };

/** Rows per page of the audit's walk: a page is read at a time, so other calls run between pages. */
const AUDIT_PAGE = 1000;

export const toUsage = (row: UsageRow): UsageRecord => ({
  id: row.id,
  cardId: row.card_id,
  at: new Date(row.at),
  terminalId: row.terminal_id,
  organisation: row.organisation,
  scene: row.scene,
  attributes: JSON.parse(row.attributes),
});

const HELD_CARD = `SELECT c.*, i.name_sealed, i.id_number_sealed, k.wrapped_key AS data_key, i.created_at AS identity_created_at
  FROM cards c JOIN identities i ON i.id = c.identity_id LEFT JOIN identity_keys k ON k.identity_id = i.id`;

/** What stands in for an erased value in a shredded card's audit entry: unique per card, derived from nothing personal. */
const shredded = (cardId: string) => `shredded:${cardId}`;

interface PendingVerification {
  tokenId: string;
  usage: Omit<UsageRecord, 'id'>;
  upgrade: CardUpgrade | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteStore implements Store {
  private readonly statements;
  private pendingVerifications: PendingVerification[] = [];
  private readonly wal: WalEraser;

  constructor(private readonly db: Db) {
    this.wal = new WalEraser(db);
    this.statements = {
      insertFaceSession: db.prepare(
        `INSERT INTO face_sessions (id, holder, challenge, created_at, expires_at, attempts_used, passed_at)
         VALUES (@id, @holder, @challenge, @createdAt, @expiresAt, @attemptsUsed, @passedAt)`,
      ),
      countFaceStarts: db.prepare('SELECT COUNT(*) FROM face_sessions WHERE holder = ? AND created_at > ?').pluck(),
      closeOpenFaceSessions: db.prepare(
        'UPDATE face_sessions SET expires_at = @at WHERE holder = @holder AND passed_at IS NULL AND expires_at > @at',
      ),
      spendFaceAttempt: db.prepare(
        `UPDATE face_sessions SET attempts_used = attempts_used + 1
         WHERE id = ? AND holder = ? AND expires_at > ? AND attempts_used < ? AND passed_at IS NULL
         RETURNING *`,
      ),
      markFacePassed: db.prepare('UPDATE face_sessions SET passed_at = ? WHERE id = ?'),
      insertFailure: db.prepare('INSERT INTO failures (key, at) VALUES (?, ?)'),
      countFailures: db.prepare('SELECT COUNT(*) FROM failures WHERE key = ? AND at > ?').pluck(),
      findCardByHolder: db.prepare(`${HELD_CARD} WHERE c.holder = ? AND c.status <> 'revoked'`),
      getHeldCard: db.prepare(`${HELD_CARD} WHERE c.id = ?`),
      cardStanding: db.prepare('SELECT status, level, issued_at, expires_at FROM cards WHERE id = ?'),
      changeCard: db.prepare(
        `UPDATE cards SET status = @status, level = COALESCE(@level, level),
           issued_at = COALESCE(@issuedAt, issued_at), expires_at = COALESCE(@newExpiresAt, expires_at),
           key_id = COALESCE(@keyId, key_id), signature = COALESCE(@signature, signature)
         WHERE id = @id AND status = @expectedStatus AND level = @expectedLevel
           AND issued_at = @expectedIssuedAt AND expires_at = @expectedExpiresAt`,
      ),
      lastFacePassedAt: db.prepare('SELECT MAX(passed_at) FROM face_sessions WHERE holder = ?').pluck(),
      insertTerminal: db.prepare(
        `INSERT INTO terminals (id, organisation, city, scenes, public_key_jwk, enabled, created_at)
         VALUES (@id, @organisation, @city, @scenes, @publicKeyJwk, @enabled, @createdAt)`,
      ),
      getTerminal: db.prepare('SELECT * FROM terminals WHERE id = ?'),
      setTerminalEnabled: db.prepare('UPDATE terminals SET enabled = ? WHERE id = ?'),
      spendToken: db.prepare('INSERT OR IGNORE INTO spent_tokens (token_id, used_at) VALUES (?, ?)'),
      insertUsage: db.prepare(
        `INSERT INTO usages (card_id, at, terminal_id, organisation, scene, attributes, prev_hash, hash, nonce, content_digest)
         VALUES (@cardId, @at, @terminalId, @organisation, @scene, @attributes, @prevHash, @hash, @nonce, @contentDigest)`,
      ),
      redactUsages: db.prepare(
        `UPDATE usages SET at = @at, terminal_id = @terminalId, organisation = @organisation, scene = @scene, attributes = @attributes,
           nonce = NULL, redacted = 1
         WHERE card_id = @cardId`,
      ),
      usageHead: db.prepare('SELECT usage_head FROM cards WHERE id = ?').pluck(),
      setUsageHead: db.prepare('UPDATE cards SET usage_head = ? WHERE id = ?'),
      listUsages: db.prepare('SELECT * FROM usages WHERE card_id = ? AND id < ? ORDER BY id DESC LIMIT ?'),
      chainedUsagesPage: db.prepare(
        'SELECT * FROM usages WHERE card_id > @cardId OR (card_id = @cardId AND id > @id) ORDER BY card_id, id LIMIT @limit',
      ),
      usageChainHeads: db.prepare('SELECT id, usage_head FROM cards WHERE usage_head IS NOT NULL'),
      revokedCardIds: db.prepare("SELECT id FROM cards WHERE status = 'revoked'").pluck(),
      insertAuditCheckpoint: db.prepare('INSERT INTO audit_checkpoints (at, token, heads) VALUES (@at, @token, @heads)'),
      listAuditCheckpoints: db.prepare('SELECT at, token, heads FROM audit_checkpoints ORDER BY id'),
      insertIdentity: db.prepare(
        `INSERT INTO identities (id, id_index, name_sealed, id_number_sealed, created_at)
         VALUES (@id, @idIndex, @nameSealed, @idNumberSealed, @createdAt)`,
      ),
      insertIdentityKey: db.prepare('INSERT INTO identity_keys (identity_id, wrapped_key) VALUES (?, ?)'),
      deleteIdentityKey: db.prepare('DELETE FROM identity_keys WHERE identity_id = (SELECT identity_id FROM cards WHERE id = ?)'),
      shredIdentity: db.prepare(
        `UPDATE identities SET id_index = @tombstone, name_sealed = '', id_number_sealed = ''
         WHERE id = (SELECT identity_id FROM cards WHERE id = @cardId)`,
      ),
      shredCard: db.prepare('UPDATE cards SET id_index = @tombstone, holder = @tombstone WHERE id = @cardId'),
      shredMoves: db.prepare(
        `UPDATE card_moves SET id_index = @tombstone, from_holder = @tombstone
         WHERE id_index = (SELECT id_index FROM cards WHERE id = @cardId)`,
      ),
      deleteCardPassword: db.prepare('DELETE FROM card_passwords WHERE card_id = ?'),
      setCardPassword: db.prepare(
        `INSERT INTO card_passwords (card_id, hash, tries_used, last_try_at, set_at)
         SELECT id, @hash, 0, NULL, @setAt FROM cards WHERE id = @cardId AND status <> 'revoked'
         ON CONFLICT (card_id) DO UPDATE SET hash = excluded.hash, tries_used = 0, last_try_at = NULL, set_at = excluded.set_at`,
      ),
      getCardPassword: db.prepare('SELECT * FROM card_passwords WHERE card_id = ?'),
      spendPasswordTry: db.prepare(
        `UPDATE card_passwords SET tries_used = CASE WHEN tries_used >= @max THEN 1 ELSE tries_used + 1 END, last_try_at = @now
         WHERE card_id = @cardId AND NOT (tries_used >= @max AND last_try_at > @now - @lockMs)
         RETURNING *`,
      ),
      resetPasswordTries: db.prepare('UPDATE card_passwords SET tries_used = 0 WHERE card_id = ?'),
      putUpgradeSite: db.prepare(
        `INSERT OR REPLACE INTO upgrade_sites (id, city, name, address, hours, status, updated_at)
         VALUES (@id, @city, @name, @address, @hours, @status, @updatedAt)`,
      ),
      listUpgradeSites: db.prepare('SELECT * FROM upgrade_sites WHERE @city IS NULL OR city = @city ORDER BY city, id'),
      findLiveCardByIdIndex: db.prepare(`${HELD_CARD} WHERE c.id_index = ? AND c.status <> 'revoked'`),
      insertMove: db.prepare(
        'INSERT INTO card_moves (from_card_id, from_holder, to_card_id, id_index, at) VALUES (@fromCardId, @fromHolder, @toCardId, @idIndex, @at)',
      ),
      countMoves: db.prepare('SELECT COUNT(*) FROM card_moves WHERE id_index = ? AND at > ?').pluck(),
      lastMoveFrom: db.prepare('SELECT * FROM card_moves WHERE from_holder = ? ORDER BY at DESC, id DESC LIMIT 1'),
      insertCard: db.prepare(
        `INSERT INTO cards (id, identity_id, holder, id_index, level, status, issued_at, expires_at, key_id, signature)
         VALUES (@id, @identityId, @holder, @idIndex, @level, @status, @issuedAt, @expiresAt, @keyId, @signature)`,
      ),
      liveCardByIdIndex: db.prepare(`SELECT 1 FROM cards WHERE id_index = ? AND status <> 'revoked'`).pluck(),
      pruneFaceSessions: db.prepare(
        'DELETE FROM face_sessions WHERE created_at < @before AND expires_at < @before AND (passed_at IS NULL OR passed_at < @before)',
      ),
      pruneFailures: db.prepare('DELETE FROM failures WHERE at < ?'),
      forgetFailures: db.prepare('DELETE FROM failures WHERE key = ?'),
      pruneSpentTokens: db.prepare('DELETE FROM spent_tokens WHERE used_at < ?'),
      spendTerminalProof: db.prepare('INSERT OR IGNORE INTO spent_terminal_proofs (terminal_id, proof_id, kept_until) VALUES (?, ?, ?)'),
      pruneTerminalProofs: db.prepare('DELETE FROM spent_terminal_proofs WHERE kept_until < ?'),
    };
  }

  static open(file: string): SqliteStore {
    return new SqliteStore(openDatabase(file));
  }

  /** IMMEDIATE: the count and the insert hold the write lock together, also against another process on the file. */
  async openFaceSession(session: FaceSessionRecord, limit: FaceStartLimit): Promise<boolean> {
    const createdAt = session.createdAt.getTime();
    const open = this.db.transaction((): boolean => {
      if ((this.statements.countFaceStarts.get(session.holder, limit.since.getTime()) as number) >= limit.max) return false;
      this.statements.closeOpenFaceSessions.run({ holder: session.holder, at: createdAt });
      this.statements.insertFaceSession.run({
        ...session,
        challenge: JSON.stringify(session.challenge),
        createdAt,
        expiresAt: session.expiresAt.getTime(),
        passedAt: session.passedAt?.getTime() ?? null,
      });
      return true;
    });
    return open.immediate();
  }

  async spendFaceAttempt(id: string, holder: string, now: Date, maxAttempts: number): Promise<FaceSessionRecord | null> {
    const row = this.statements.spendFaceAttempt.get(id, holder, now.getTime(), maxAttempts) as FaceSessionRow | undefined;
    return row ? toFaceSession(row) : null;
  }

  async markFacePassed(id: string, at: Date): Promise<void> {
    this.statements.markFacePassed.run(at.getTime(), id);
  }

  async recordFailure(keys: string[], at: Date): Promise<void> {
    this.db.transaction(() => {
      for (const key of keys) this.statements.insertFailure.run(key, at.getTime());
    })();
  }

  async countFailures(key: string, since: Date): Promise<number> {
    return this.statements.countFailures.get(key, since.getTime()) as number;
  }

  /** Then a truncating checkpoint, as after a revocation: the key may name an ID number's index. */
  async forgetFailures(key: string): Promise<void> {
    if (this.statements.forgetFailures.run(key).changes > 0) this.truncateWal();
  }

  async findCardByHolder(holder: string): Promise<HeldCard | null> {
    const row = this.statements.findCardByHolder.get(holder) as HeldCardRow | undefined;
    return row ? toHeldCard(row) : null;
  }

  async mintCard(identity: IdentityRecord, card: CardRecord): Promise<void> {
    try {
      this.db.transaction(() => this.insertCardWithIdentity(identity, card))();
    } catch (error) {
      throw this.conflictOf(error, identity);
    }
  }

  private insertCardWithIdentity(identity: IdentityRecord, card: CardRecord): void {
    const { dataKey, ...sealed } = identity;
    this.statements.insertIdentity.run({ ...sealed, createdAt: identity.createdAt.getTime() });
    if (dataKey !== null) this.statements.insertIdentityKey.run(identity.id, dataKey);
    this.statements.insertCard.run({
      ...card,
      idIndex: identity.idIndex,
      issuedAt: card.issuedAt.getTime(),
      expiresAt: card.expiresAt.getTime(),
    });
  }

  /** A unique-index failure as the CardConflict it means; any other error as it is. */
  private conflictOf(error: unknown, identity: IdentityRecord): unknown {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
    return new CardConflict(this.statements.liveCardByIdIndex.get(identity.idIndex) ? 'id_number' : 'holder');
  }

  async findLiveCardByIdIndex(idIndex: string): Promise<HeldCard | null> {
    const row = this.statements.findLiveCardByIdIndex.get(idIndex) as HeldCardRow | undefined;
    return row ? toHeldCard(row) : null;
  }

  /** One transaction: the compare-and-set revocation with its shredding, the new card, the move's record. */
  async moveCard(
    from: { cardId: string; expected: ExpectedCard },
    identity: IdentityRecord,
    card: CardRecord,
    move: CardMoveRecord,
  ): Promise<boolean> {
    let moved: boolean;
    try {
      moved = this.db.transaction(() => {
        if (!this.compareAndSetCard(from.cardId, from.expected, { status: 'revoked', at: move.at })) return false;
        this.shred(from.cardId, move.at);
        this.insertCardWithIdentity(identity, card);
        this.statements.insertMove.run({ ...move, at: move.at.getTime() });
        return true;
      })();
    } catch (error) {
      throw this.conflictOf(error, identity);
    }
    if (moved) this.truncateWal();
    return moved;
  }

  async countMoves(idIndex: string, since: Date): Promise<number> {
    return this.statements.countMoves.get(idIndex, since.getTime()) as number;
  }

  async lastMoveFrom(holder: string): Promise<CardMoveRecord | null> {
    const row = this.statements.lastMoveFrom.get(holder) as
      | { from_card_id: string; from_holder: string; to_card_id: string; id_index: string; at: number }
      | undefined;
    return row ? { fromCardId: row.from_card_id, fromHolder: row.from_holder, toCardId: row.to_card_id, idIndex: row.id_index, at: new Date(row.at) } : null;
  }

  async lastFacePassedAt(holder: string): Promise<Date | null> {
    const at = this.statements.lastFacePassedAt.get(holder) as number | null;
    return at === null ? null : new Date(at);
  }

  async getHeldCard(cardId: string): Promise<HeldCard | null> {
    const row = this.statements.getHeldCard.get(cardId) as HeldCardRow | undefined;
    return row ? toHeldCard(row) : null;
  }

  /**
   * One transaction: the conditional UPDATE (SQLite's write lock makes the
   * compare and the set one step) and, for a revocation, the shredding. Then
   * a truncating checkpoint, so the WAL keeps no page image of what was erased;
   * secure_delete (open-database.ts) zeroes it in the main file.
   */
  async changeCard(cardId: string, expected: ExpectedCard, change: CardChange): Promise<boolean> {
    const changed = this.db.transaction(() => {
      if (!this.compareAndSetCard(cardId, expected, change)) return false;
      if (change.status === 'revoked') {
        // The person's earlier moves name their ID number's index and old accounts: a move's own revocation keeps them (they limit moves).
        this.statements.shredMoves.run({ cardId, tombstone: shredded(cardId) });
        this.shred(cardId, change.at);
      }
      return true;
    })();
    if (changed && change.status === 'revoked') this.truncateWal();
    return changed;
  }

  /** Empties the WAL after an erasure (wal-eraser.ts). */
  private truncateWal(): void {
    this.wal.truncate();
  }

  /**
   * Destroys the card's identity key and password, erases its sealed identity,
   * ID number index and holder, and redacts its usages (their time becomes
   * `revokedAt`); inside the revocation's transaction, before its WAL truncation.
   */
  private shred(cardId: string, revokedAt: Date): void {
    this.statements.deleteIdentityKey.run(cardId);
    this.statements.deleteCardPassword.run(cardId);
    this.statements.shredIdentity.run({ cardId, tombstone: shredded(cardId) });
    this.statements.shredCard.run({ cardId, tombstone: shredded(cardId) });
    const { attributes, ...details } = REDACTED_DETAILS;
    this.statements.redactUsages.run({ cardId, at: revokedAt.getTime(), ...details, attributes: JSON.stringify(attributes) });
  }

  private compareAndSetCard(cardId: string, expected: ExpectedCard, change: CardChange): boolean {
    const { renewal, upgrade } = change;
    const result = this.statements.changeCard.run({
      id: cardId,
      expectedStatus: expected.status,
      expectedLevel: expected.level,
      expectedIssuedAt: expected.issuedAt.getTime(),
      expectedExpiresAt: expected.expiresAt.getTime(),
      status: change.status,
      level: upgrade?.level ?? null,
      issuedAt: renewal?.issuedAt.getTime() ?? null,
      newExpiresAt: renewal?.expiresAt.getTime() ?? null,
      keyId: renewal?.keyId ?? upgrade?.keyId ?? null,
      signature: renewal?.signature ?? upgrade?.signature ?? null,
    });
    return result.changes === 1;
  }

  /** One conditional upsert: the card's status is read under the same write lock as the hash is written, so a revocation is wholly before or after it. */
  async setCardPassword(cardId: string, hash: string, at: Date): Promise<boolean> {
    return this.statements.setCardPassword.run({ cardId, hash, setAt: at.getTime() }).changes === 1;
  }

  async getCardPassword(cardId: string): Promise<CardPasswordRecord | null> {
    const row = this.statements.getCardPassword.get(cardId) as CardPasswordRow | undefined;
    return row ? toCardPassword(row) : null;
  }

  /** One conditional UPDATE … RETURNING: the lock check and the spend are one step under SQLite's write lock. */
  async spendPasswordTry(cardId: string, now: Date, limit: { max: number; lockMs: number }): Promise<CardPasswordRecord | 'locked' | null> {
    const row = this.statements.spendPasswordTry.get({ cardId, now: now.getTime(), ...limit }) as CardPasswordRow | undefined;
    if (row) return toCardPassword(row);
    return this.statements.getCardPassword.get(cardId) ? 'locked' : null;
  }

  async resetPasswordTries(cardId: string): Promise<void> {
    this.statements.resetPasswordTries.run(cardId);
  }

  async putUpgradeSite(site: UpgradeSiteRecord): Promise<void> {
    this.statements.putUpgradeSite.run({ ...site, hours: JSON.stringify(site.hours), updatedAt: site.updatedAt.getTime() });
  }

  async listUpgradeSites(city?: string): Promise<UpgradeSiteRecord[]> {
    return (this.statements.listUpgradeSites.all({ city: city ?? null }) as UpgradeSiteRow[]).map(toUpgradeSite);
  }

  async insertTerminal(terminal: TerminalRecord): Promise<void> {
    this.statements.insertTerminal.run({
      ...terminal,
      scenes: JSON.stringify(terminal.scenes),
      publicKeyJwk: JSON.stringify(terminal.publicKeyJwk),
      enabled: terminal.enabled ? 1 : 0,
      createdAt: terminal.createdAt.getTime(),
    });
  }

  async getTerminal(id: string): Promise<TerminalRecord | null> {
    const row = this.statements.getTerminal.get(id) as TerminalRow | undefined;
    return row ? toTerminal(row) : null;
  }

  async setTerminalEnabled(id: string, enabled: boolean): Promise<boolean> {
    return this.statements.setTerminalEnabled.run(enabled ? 1 : 0, id).changes === 1;
  }

  async spendTerminalProof(terminalId: string, proofId: string, keptUntil: Date): Promise<boolean> {
    return this.statements.spendTerminalProof.run(terminalId, proofId, keptUntil.getTime()).changes === 1;
  }

  /**
   * Group commit: verifications that arrive while one event-loop turn runs
   * are written in one transaction, which spares a WAL commit per request
   * under load. Each token's use and its usage record still go in together
   * or not at all, an upgrade's new level with them; a card no longer
   * active (or, for an upgrade, no longer as signed) is refused with
   * CardChanged and a token id already present (or earlier in the same
   * batch) with TokenAlreadyUsed, each writing nothing of its own.
   */
  recordVerification(tokenId: string, usage: Omit<UsageRecord, 'id'>, upgrade?: CardUpgrade): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pendingVerifications.push({ tokenId, usage, upgrade, resolve, reject });
      if (this.pendingVerifications.length === 1) setImmediate(() => this.flushVerifications());
    });
  }

  /**
   * IMMEDIATE: the batch holds the write lock from its first statement, so a
   * card read here is the card as it is when its claim is written, also
   * against another connection or process on the file.
   */
  private flushVerifications(): void {
    const batch = this.pendingVerifications;
    this.pendingVerifications = [];
    let refusals: Array<CardChanged | TokenAlreadyUsed | null>;
    try {
      refusals = this.db.transaction(() => batch.map((claim) => this.recordClaim(claim))).immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const refusal = refusals[i];
      if (refusal) item.reject(refusal);
      else item.resolve();
    });
  }

  /** One claim inside the batch's transaction: written whole, or its refusal with nothing of it written. */
  private recordClaim({ tokenId, usage, upgrade }: PendingVerification): CardChanged | TokenAlreadyUsed | null {
    const row = this.statements.cardStanding.get(usage.cardId) as CardStandingRow | undefined;
    // No card: the usage insert below fails its foreign key, and the batch with it.
    if (row) {
      const found = toCardStanding(row);
      if (!takesUse(found, usage.at, upgrade)) return new CardChanged(found);
    }
    if (this.statements.spendToken.run(tokenId, usage.at.getTime()).changes === 0) return new TokenAlreadyUsed();
    // Matches: the card was read just above, under the same write lock.
    if (upgrade) this.compareAndSetCard(usage.cardId, { status: 'active', ...upgrade.expected }, { status: 'active', upgrade: upgrade.change });
    // The card's head is read and moved on in the same transaction, so entries of one card in one batch chain in order.
    const prevHash = (this.statements.usageHead.get(usage.cardId) as string | null | undefined) ?? GENESIS_HASH;
    const { nonce, contentDigest, hash } = chainUsage(usage, prevHash);
    this.statements.insertUsage.run({ ...usage, at: usage.at.getTime(), attributes: JSON.stringify(usage.attributes), prevHash, hash, nonce, contentDigest });
    this.statements.setUsageHead.run(hash, usage.cardId);
    return null;
  }

  async listUsages(cardId: string, page: { before?: number; limit: number }): Promise<UsageRecord[]> {
    const rows = this.statements.listUsages.all(cardId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit) as UsageRow[];
    return rows.map(toUsage);
  }

  async *chainedUsages(): AsyncIterable<ChainedUsage> {
    let after = { cardId: '', id: 0 };
    for (;;) {
      const rows = this.statements.chainedUsagesPage.all({ ...after, limit: AUDIT_PAGE }) as ChainedUsageRow[];
      for (const row of rows) {
        yield { ...toUsage(row), prevHash: row.prev_hash, hash: row.hash, nonce: row.nonce, contentDigest: row.content_digest, redacted: row.redacted === 1 };
      }
      if (rows.length < AUDIT_PAGE) return;
      const last = rows[rows.length - 1]!;
      after = { cardId: last.card_id, id: last.id };
    }
  }

  async usageChainHeads(): Promise<Map<string, string>> {
    const rows = this.statements.usageChainHeads.all() as Array<{ id: string; usage_head: string }>;
    return new Map(rows.map((row) => [row.id, row.usage_head]));
  }

  async revokedCardIds(): Promise<Set<string>> {
    return new Set(this.statements.revokedCardIds.all() as string[]);
  }

  async addAuditCheckpoint(checkpoint: AuditCheckpointRecord): Promise<void> {
    this.statements.insertAuditCheckpoint.run({ at: checkpoint.at.getTime(), token: checkpoint.token, heads: JSON.stringify(checkpoint.heads) });
  }

  async listAuditCheckpoints(): Promise<AuditCheckpointRecord[]> {
    const rows = this.statements.listAuditCheckpoints.all() as Array<{ at: number; token: string; heads: string }>;
    return rows.map((row) => ({ at: new Date(row.at), token: row.token, heads: JSON.parse(row.heads) as Record<string, string> }));
  }

  async prune(cutoffs: PruneCutoffs): Promise<PruneCounts> {
    return this.db.transaction(() => ({
      faceSessions: this.statements.pruneFaceSessions.run({ before: cutoffs.faceSessionsBefore.getTime() }).changes,
      failures: this.statements.pruneFailures.run(cutoffs.failuresBefore.getTime()).changes,
      spentTokens: this.statements.pruneSpentTokens.run(cutoffs.spentTokensBefore.getTime()).changes,
      terminalProofs: this.statements.pruneTerminalProofs.run(cutoffs.terminalProofsBefore.getTime()).changes,
    }))();
  }

  /** True while a revocation's erased pages may still be in the WAL. */
  get walPending(): boolean {
    return this.wal.pending;
  }

  async close(): Promise<void> {
    this.wal.stop();
    this.db.close();
  }
}
