/**
 * The ServicesStore port over better-sqlite3 (migration 5's tables), on its
 * own connection to the emulator's database file. Steps that read and then
 * write run as IMMEDIATE transactions, so they hold the write lock also
 * against another process on the file.
 */
import type { CardStatus } from '../../../core/card';
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
import { openDatabase, type Db } from './open-database';
import { WalEraser } from './wal-eraser';

interface PartnerRow {
  id: string;
  name: string;
  credit_code: string;
  contact: string;
  scopes: string;
  domains: string;
  app_ids: string;
  public_key_jwk: string;
  status: PartnerRecord['status'];
  created_at: number;
}

interface TileRow {
  id: string;
  partner_id: string;
  suspended: number;
  serving_version: number | null;
  latest_version: number;
  created_at: number;
}

interface VersionRow {
  tile_id: string;
  version: number;
  manifest: string;
  status: TileVersionRecord['status'];
  reason: string | null;
  submitted_at: number;
  decided_at: number | null;
}

interface GrantRow {
  id: string;
  card_id: string;
  partner_id: string;
  tile_id: string;
  scopes: string;
  granted_at: number;
  expires_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

interface AuthCodeRow {
  id: string;
  grant_id: string;
  tile_id: string;
  partner_id: string;
  card_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

interface ExchangeRow {
  id: number;
  card_id: string;
  at: number;
  partner_id: string;
  partner_name: string;
  tile_id: string;
  tile_title: string;
  grant_id: string;
  scopes: string;
}

const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));
const msOrNull = (date: Date | null) => date?.getTime() ?? null;

const toPartner = (row: PartnerRow): PartnerRecord => ({
  id: row.id,
  name: row.name,
  creditCode: row.credit_code,
  contact: row.contact,
  scopes: JSON.parse(row.scopes),
  domains: JSON.parse(row.domains),
  appIds: JSON.parse(row.app_ids),
  publicKeyJwk: JSON.parse(row.public_key_jwk),
  status: row.status,
  createdAt: new Date(row.created_at),
});

const toVersion = (row: VersionRow): TileVersionRecord => ({
  version: row.version,
  manifest: JSON.parse(row.manifest),
  status: row.status,
  reason: row.reason,
  submittedAt: new Date(row.submitted_at),
  decidedAt: dateOrNull(row.decided_at),
});

const toGrant = (row: GrantRow): GrantRecord => ({
  id: row.id,
  cardId: row.card_id,
  partnerId: row.partner_id,
  tileId: row.tile_id,
  scopes: JSON.parse(row.scopes),
  grantedAt: new Date(row.granted_at),
  expiresAt: new Date(row.expires_at),
  revokedAt: dateOrNull(row.revoked_at),
  lastUsedAt: dateOrNull(row.last_used_at),
});

const toAuthCode = (row: AuthCodeRow): AuthCodeRecord => ({
  id: row.id,
  grantId: row.grant_id,
  tileId: row.tile_id,
  partnerId: row.partner_id,
  cardId: row.card_id,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
  usedAt: dateOrNull(row.used_at),
});

const toExchange = (row: ExchangeRow): ExchangeRecord => ({
  id: row.id,
  cardId: row.card_id,
  at: new Date(row.at),
  partnerId: row.partner_id,
  partnerName: row.partner_name,
  tileId: row.tile_id,
  tileTitle: JSON.parse(row.tile_title),
  grantId: row.grant_id,
  scopes: JSON.parse(row.scopes),
});

const versionParams = (tileId: string, v: TileVersionRecord) => ({
  tileId,
  version: v.version,
  manifest: JSON.stringify(v.manifest),
  status: v.status,
  reason: v.reason,
  submittedAt: v.submittedAt.getTime(),
  decidedAt: msOrNull(v.decidedAt),
});

export class SqliteServicesStore implements ServicesStore {
  private readonly statements;

  private readonly wal: WalEraser;

  constructor(private readonly db: Db) {
    this.wal = new WalEraser(db);
    this.statements = {
      insertPartner: db.prepare(
        `INSERT INTO partners (id, name, credit_code, contact, scopes, domains, app_ids, public_key_jwk, status, created_at)
         VALUES (@id, @name, @creditCode, @contact, @scopes, @domains, @appIds, @publicKeyJwk, @status, @createdAt)`,
      ),
      getPartner: db.prepare('SELECT * FROM partners WHERE id = ?'),
      listPartners: db.prepare('SELECT * FROM partners ORDER BY created_at, id'),
      setPartnerStatus: db.prepare('UPDATE partners SET status = ? WHERE id = ?'),
      spendAssertion: db.prepare('INSERT OR IGNORE INTO partner_assertions (partner_id, jti, expires_at) VALUES (?, ?, ?)'),
      insertTile: db.prepare(
        `INSERT INTO tiles (id, partner_id, suspended, serving_version, latest_version, created_at)
         VALUES (@id, @partnerId, @suspended, @servingVersion, @latestVersion, @createdAt)`,
      ),
      insertVersion: db.prepare(
        `INSERT INTO tile_versions (tile_id, version, manifest, status, reason, submitted_at, decided_at)
         VALUES (@tileId, @version, @manifest, @status, @reason, @submittedAt, @decidedAt)`,
      ),
      getTile: db.prepare('SELECT * FROM tiles WHERE id = ?'),
      listTiles: db.prepare('SELECT * FROM tiles ORDER BY created_at, id'),
      listTilesOfPartner: db.prepare('SELECT * FROM tiles WHERE partner_id = ? ORDER BY created_at, id'),
      listServingTiles: db.prepare(
        `SELECT t.* FROM tiles t JOIN partners p ON p.id = t.partner_id
         WHERE t.serving_version IS NOT NULL AND t.suspended = 0 AND p.status = 'active'
         ORDER BY t.created_at, t.id`,
      ),
      versionsOf: db.prepare('SELECT * FROM tile_versions WHERE tile_id = ? ORDER BY version'),
      versionStatus: db.prepare('SELECT status FROM tile_versions WHERE tile_id = ? AND version = ?').pluck(),
      bumpLatest: db.prepare('UPDATE tiles SET latest_version = @version WHERE id = @tileId AND latest_version = @expected'),
      supersedePending: db.prepare(`UPDATE tile_versions SET status = 'superseded' WHERE tile_id = ? AND status = 'pending'`),
      supersedeServing: db.prepare(
        `UPDATE tile_versions SET status = 'superseded'
         WHERE tile_id = @tileId AND version = (SELECT serving_version FROM tiles WHERE id = @tileId) AND version <> @version`,
      ),
      setServing: db.prepare('UPDATE tiles SET serving_version = ? WHERE id = ?'),
      decideVersion: db.prepare('UPDATE tile_versions SET status = @status, reason = @reason, decided_at = @at WHERE tile_id = @tileId AND version = @version'),
      setSuspended: db.prepare('UPDATE tiles SET suspended = ? WHERE id = ?'),
      revokeTileGrants: db.prepare('UPDATE grants SET revoked_at = ? WHERE card_id = ? AND tile_id = ? AND revoked_at IS NULL'),
      insertGrant: db.prepare(
        `INSERT INTO grants (id, card_id, partner_id, tile_id, scopes, granted_at, expires_at, revoked_at, last_used_at)
         VALUES (@id, @cardId, @partnerId, @tileId, @scopes, @grantedAt, @expiresAt, @revokedAt, @lastUsedAt)`,
      ),
      getGrant: db.prepare('SELECT * FROM grants WHERE id = ?'),
      listGrants: db.prepare('SELECT * FROM grants WHERE card_id = ? ORDER BY granted_at DESC, rowid DESC'),
      revokeGrant: db.prepare('UPDATE grants SET revoked_at = ? WHERE id = ? AND card_id = ? AND revoked_at IS NULL'),
      forgetAuthCodes: db.prepare('DELETE FROM auth_codes WHERE card_id = ?'),
      forgetGrants: db.prepare('DELETE FROM grants WHERE card_id = ?'),
      redactExchanges: db.prepare(
        `UPDATE exchanges SET at = @at, partner_id = @partnerId, partner_name = @partnerName, tile_id = @tileId, tile_title = @tileTitle,
           grant_id = @grantId, scopes = @scopes
         WHERE card_id = @cardId`,
      ),
      touchGrant: db.prepare('UPDATE grants SET last_used_at = ? WHERE id = ?'),
      insertAuthCode: db.prepare(
        `INSERT INTO auth_codes (id, grant_id, tile_id, partner_id, card_id, created_at, expires_at, used_at)
         VALUES (@id, @grantId, @tileId, @partnerId, @cardId, @createdAt, @expiresAt, @usedAt)`,
      ),
      getAuthCode: db.prepare('SELECT * FROM auth_codes WHERE id = ?'),
      spendAuthCode: db.prepare('UPDATE auth_codes SET used_at = ? WHERE id = ? AND used_at IS NULL'),
      grantRevokedAt: db.prepare('SELECT revoked_at FROM grants WHERE id = ?').pluck(),
      // The Store's table on the same file: a redemption writes only while the code's card is active.
      cardStanding: db.prepare('SELECT status, expires_at FROM cards WHERE id = ?'),
      insertExchange: db.prepare(
        `INSERT INTO exchanges (card_id, at, partner_id, partner_name, tile_id, tile_title, grant_id, scopes)
         VALUES (@cardId, @at, @partnerId, @partnerName, @tileId, @tileTitle, @grantId, @scopes)`,
      ),
      listExchanges: db.prepare('SELECT * FROM exchanges WHERE card_id = ? AND id < ? ORDER BY id DESC LIMIT ?'),
      pruneAssertions: db.prepare('DELETE FROM partner_assertions WHERE expires_at < ?'),
      pruneAuthCodes: db.prepare('DELETE FROM auth_codes WHERE expires_at < ?'),
    };
  }

  static open(file: string): SqliteServicesStore {
    return new SqliteServicesStore(openDatabase(file));
  }

  async insertPartner(partner: PartnerRecord): Promise<void> {
    try {
      this.statements.insertPartner.run({
        ...partner,
        scopes: JSON.stringify(partner.scopes),
        domains: JSON.stringify(partner.domains),
        appIds: JSON.stringify(partner.appIds),
        publicKeyJwk: JSON.stringify(partner.publicKeyJwk),
        createdAt: partner.createdAt.getTime(),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new PartnerConflict();
      throw error;
    }
  }

  async getPartner(id: string): Promise<PartnerRecord | null> {
    const row = this.statements.getPartner.get(id) as PartnerRow | undefined;
    return row ? toPartner(row) : null;
  }

  async listPartners(): Promise<PartnerRecord[]> {
    return (this.statements.listPartners.all() as PartnerRow[]).map(toPartner);
  }

  async setPartnerStatus(id: string, status: PartnerRecord['status']): Promise<boolean> {
    return this.statements.setPartnerStatus.run(status, id).changes === 1;
  }

  async spendPartnerAssertion(partnerId: string, jti: string, expiresAt: Date): Promise<boolean> {
    return this.statements.spendAssertion.run(partnerId, jti, expiresAt.getTime()).changes === 1;
  }

  async insertTile(tile: TileRecord): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertTile.run({
        id: tile.id,
        partnerId: tile.partnerId,
        suspended: tile.suspended ? 1 : 0,
        servingVersion: tile.servingVersion,
        latestVersion: tile.versions[tile.versions.length - 1].version,
        createdAt: tile.createdAt.getTime(),
      });
      for (const version of tile.versions) this.statements.insertVersion.run(versionParams(tile.id, version));
    })();
  }

  private toTile(row: TileRow): TileRecord {
    return {
      id: row.id,
      partnerId: row.partner_id,
      suspended: row.suspended === 1,
      servingVersion: row.serving_version,
      createdAt: new Date(row.created_at),
      versions: (this.statements.versionsOf.all(row.id) as VersionRow[]).map(toVersion),
    };
  }

  async getTile(id: string): Promise<TileRecord | null> {
    const row = this.statements.getTile.get(id) as TileRow | undefined;
    return row ? this.toTile(row) : null;
  }

  async listTiles(filter: { partnerId?: string } = {}): Promise<TileRecord[]> {
    const rows = (filter.partnerId === undefined ? this.statements.listTiles.all() : this.statements.listTilesOfPartner.all(filter.partnerId)) as TileRow[];
    return rows.map((row) => this.toTile(row));
  }

  async listServingTiles(): Promise<ServingTile[]> {
    const partners = new Map<string, PartnerRecord>();
    return (this.statements.listServingTiles.all() as TileRow[]).map((row) => {
      const tile = this.toTile(row);
      let partner = partners.get(row.partner_id);
      if (!partner) {
        partner = toPartner(this.statements.getPartner.get(row.partner_id) as PartnerRow);
        partners.set(partner.id, partner);
      }
      const manifest = tile.versions.find((v) => v.version === tile.servingVersion)!.manifest;
      return { tile, manifest, partner };
    });
  }

  async addTileVersion(tileId: string, version: TileVersionRecord, expectedLatest: number, servesAtOnce: boolean): Promise<boolean> {
    const add = this.db.transaction((): boolean => {
      if (this.statements.bumpLatest.run({ tileId, version: version.version, expected: expectedLatest }).changes === 0) return false;
      this.statements.supersedePending.run(tileId);
      if (servesAtOnce) {
        this.statements.supersedeServing.run({ tileId, version: version.version });
        this.statements.setServing.run(version.version, tileId);
      }
      this.statements.insertVersion.run(versionParams(tileId, version));
      return true;
    });
    return add.immediate();
  }

  async decideTileVersion(
    tileId: string,
    version: number,
    decision: { status: 'approved' | 'rejected'; reason: string | null; at: Date },
  ): Promise<boolean> {
    const decide = this.db.transaction((): boolean => {
      if (this.statements.versionStatus.get(tileId, version) !== 'pending') return false;
      this.statements.decideVersion.run({ tileId, version, status: decision.status, reason: decision.reason, at: decision.at.getTime() });
      if (decision.status === 'approved') {
        this.statements.supersedeServing.run({ tileId, version });
        this.statements.setServing.run(version, tileId);
      }
      return true;
    });
    return decide.immediate();
  }

  async setTileSuspended(tileId: string, suspended: boolean): Promise<boolean> {
    return this.statements.setSuspended.run(suspended ? 1 : 0, tileId).changes === 1;
  }

  async insertGrant(grant: GrantRecord): Promise<void> {
    this.db.transaction(() => {
      this.statements.revokeTileGrants.run(grant.grantedAt.getTime(), grant.cardId, grant.tileId);
      this.statements.insertGrant.run({
        ...grant,
        scopes: JSON.stringify(grant.scopes),
        grantedAt: grant.grantedAt.getTime(),
        expiresAt: grant.expiresAt.getTime(),
        revokedAt: msOrNull(grant.revokedAt),
        lastUsedAt: msOrNull(grant.lastUsedAt),
      });
    }).immediate();
  }

  async getGrant(id: string): Promise<GrantRecord | null> {
    const row = this.statements.getGrant.get(id) as GrantRow | undefined;
    return row ? toGrant(row) : null;
  }

  async listGrants(cardId: string): Promise<GrantRecord[]> {
    return (this.statements.listGrants.all(cardId) as GrantRow[]).map(toGrant);
  }

  async revokeGrant(id: string, cardId: string, at: Date): Promise<boolean> {
    return this.statements.revokeGrant.run(at.getTime(), id, cardId).changes === 1;
  }

  async insertAuthCode(code: AuthCodeRecord): Promise<void> {
    this.statements.insertAuthCode.run({
      ...code,
      createdAt: code.createdAt.getTime(),
      expiresAt: code.expiresAt.getTime(),
      usedAt: msOrNull(code.usedAt),
    });
  }

  async getAuthCode(id: string): Promise<AuthCodeRecord | null> {
    const row = this.statements.getAuthCode.get(id) as AuthCodeRow | undefined;
    return row ? toAuthCode(row) : null;
  }

  async redeemAuthCode(codeId: string, exchange: Omit<ExchangeRecord, 'id'>): Promise<Redemption> {
    const redeem = this.db.transaction((): Redemption => {
      const code = this.statements.getAuthCode.get(codeId) as AuthCodeRow | undefined;
      if (!code) return 'unknown';
      if (code.used_at !== null) return 'used';
      if (this.statements.grantRevokedAt.get(code.grant_id) !== null) return 'revoked';
      const card = this.statements.cardStanding.get(code.card_id) as { status: CardStatus; expires_at: number } | undefined;
      if (!card) return 'unknown';
      const refusal = cardRefusal({ status: card.status, expiresAt: new Date(card.expires_at) }, exchange.at);
      if (refusal) return refusal;
      const at = exchange.at.getTime();
      this.statements.spendAuthCode.run(at, codeId);
      this.statements.insertExchange.run({ ...exchange, at, tileTitle: JSON.stringify(exchange.tileTitle), scopes: JSON.stringify(exchange.scopes) });
      this.statements.touchGrant.run(at, code.grant_id);
      return 'redeemed';
    });
    return redeem.immediate();
  }

  async listExchanges(cardId: string, page: { before?: number; limit: number }): Promise<ExchangeRecord[]> {
    return (this.statements.listExchanges.all(cardId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit) as ExchangeRow[]).map(toExchange);
  }

  async prune(cutoffs: ServicesPruneCutoffs): Promise<ServicesPruneCounts> {
    return this.db.transaction(() => ({
      partnerAssertions: this.statements.pruneAssertions.run(cutoffs.assertionsBefore.getTime()).changes,
      authCodes: this.statements.pruneAuthCodes.run(cutoffs.codesBefore.getTime()).changes,
    }))();
  }

  /** One transaction, then the WAL emptied (secure_delete zeroes the erased rows in the main file). */
  async forgetCard(cardId: string, at: Date): Promise<void> {
    this.db.transaction(() => {
      this.statements.forgetAuthCodes.run(cardId);
      this.statements.forgetGrants.run(cardId);
      const { tileTitle, scopes, ...blank } = FORGOTTEN_EXCHANGE;
      this.statements.redactExchanges.run({ cardId, at: at.getTime(), ...blank, tileTitle: JSON.stringify(tileTitle), scopes: JSON.stringify(scopes) });
    })();
    this.wal.truncate();
  }

  async close(): Promise<void> {
    this.wal.stop();
    this.db.close();
  }
}
