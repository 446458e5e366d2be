/** The Store port over better-sqlite3: the emulator's embedded default. */
import type { CardRecord, FaceSessionRecord, HeldCard, IdentityRecord, Store } from '../../domain/store';
import { CardConflict } from '../../domain/store';
import { openDatabase, type Db } from './open-database';

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
    createdAt: new Date(row.identity_created_at),
  },
});

export class SqliteStore implements Store {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insertFaceSession: db.prepare(
        `INSERT INTO face_sessions (id, holder, challenge, created_at, expires_at, attempts_used, passed_at)
         VALUES (@id, @holder, @challenge, @createdAt, @expiresAt, @attemptsUsed, @passedAt)`,
      ),
      getFaceSession: db.prepare('SELECT * FROM face_sessions WHERE id = ?'),
      spendFaceAttempt: db.prepare(
        `UPDATE face_sessions SET attempts_used = attempts_used + 1
         WHERE id = ? AND holder = ? AND expires_at > ? AND attempts_used < ? AND passed_at IS NULL
         RETURNING *`,
      ),
      markFacePassed: db.prepare('UPDATE face_sessions SET passed_at = ? WHERE id = ?'),
      insertFailure: db.prepare('INSERT INTO failures (key, at) VALUES (?, ?)'),
      countFailures: db.prepare('SELECT COUNT(*) FROM failures WHERE key = ? AND at > ?').pluck(),
      findCardByHolder: db.prepare(
        `SELECT c.*, i.name_sealed, i.id_number_sealed, i.created_at AS identity_created_at
         FROM cards c JOIN identities i ON i.id = c.identity_id
         WHERE c.holder = ? AND c.status <> 'revoked'`,
      ),
      insertIdentity: db.prepare(
        `INSERT INTO identities (id, id_index, name_sealed, id_number_sealed, created_at)
         VALUES (@id, @idIndex, @nameSealed, @idNumberSealed, @createdAt)`,
      ),
      insertCard: db.prepare(
        `INSERT INTO cards (id, identity_id, holder, id_index, level, status, issued_at, expires_at, key_id, signature)
         VALUES (@id, @identityId, @holder, @idIndex, @level, @status, @issuedAt, @expiresAt, @keyId, @signature)`,
      ),
      liveCardByIdIndex: db.prepare(`SELECT 1 FROM cards WHERE id_index = ? AND status <> 'revoked'`).pluck(),
    };
  }

  static open(file: string): SqliteStore {
    return new SqliteStore(openDatabase(file));
  }

  async insertFaceSession(session: FaceSessionRecord): Promise<void> {
    this.statements.insertFaceSession.run({
      ...session,
      challenge: JSON.stringify(session.challenge),
      createdAt: session.createdAt.getTime(),
      expiresAt: session.expiresAt.getTime(),
      passedAt: session.passedAt?.getTime() ?? null,
    });
  }

  async getFaceSession(id: string): Promise<FaceSessionRecord | null> {
    const row = this.statements.getFaceSession.get(id) as FaceSessionRow | undefined;
    return row ? toFaceSession(row) : null;
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

  async findCardByHolder(holder: string): Promise<HeldCard | null> {
    const row = this.statements.findCardByHolder.get(holder) as HeldCardRow | undefined;
    return row ? toHeldCard(row) : null;
  }

  async mintCard(identity: IdentityRecord, card: CardRecord): Promise<void> {
    const mint = this.db.transaction(() => {
      this.statements.insertIdentity.run({ ...identity, createdAt: identity.createdAt.getTime() });
      this.statements.insertCard.run({
        ...card,
        idIndex: identity.idIndex,
        issuedAt: card.issuedAt.getTime(),
        expiresAt: card.expiresAt.getTime(),
      });
    });
    try {
      mint();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new CardConflict(this.statements.liveCardByIdIndex.get(identity.idIndex) ? 'id_number' : 'holder');
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
