/**
 * SqliteStore: the store contract, then what only SQLite has: group-committed
 * verification batches and versioned migrations of existing `.data/` files.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../../server/adapters/sqlite/migrations';
import { migrate } from '../../server/adapters/sqlite/open-database';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { GENESIS_HASH, firstBreaks, usageHashV1 } from '../../server/adapters/usage-chain';
import { TokenAlreadyUsed, type ChainedUsage } from '../../server/domain/store';
import { describeStoreContract } from './store-contract';
import { HOUR, T0, after, syntheticCard, syntheticIdentity, syntheticTerminal, syntheticUsage } from './synthetic-records';

function tempDatabaseFile(): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'eid-store-'));
  return { file: join(dir, 'eid.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeStoreContract('SqliteStore', async () => {
  const { file, remove } = tempDatabaseFile();
  const store = SqliteStore.open(file);
  return {
    store,
    async close() {
      await store.close();
      remove();
    },
  };
});

describe('SqliteStore group commit', () => {
  let temp: ReturnType<typeof tempDatabaseFile>;
  let store: SqliteStore;
  beforeEach(async () => {
    temp = tempDatabaseFile();
    store = SqliteStore.open(temp.file);
    await store.mintCard(syntheticIdentity(1), syntheticCard(1));
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('lets the first claim of a token within one batch win', async () => {
    const results = await Promise.allSettled([
      store.recordVerification('t1', syntheticUsage('card-1')),
      store.recordVerification('t1', syntheticUsage('card-1')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TokenAlreadyUsed);
    expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
  });

  it('writes nothing of a batch whose transaction fails, so a valid claim in it fails too and its token stays unspent', async () => {
    const results = await Promise.allSettled([
      store.recordVerification('t1', syntheticUsage('card-1')),
      store.recordVerification('t2', syntheticUsage('no-such-card')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(0);
    await store.recordVerification('t1', syntheticUsage('card-1')); // t1 was not marked used by the failed batch
    expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
  });
});

describe('SqliteStore migrations', () => {
  let temp: ReturnType<typeof tempDatabaseFile>;
  beforeEach(() => {
    temp = tempDatabaseFile();
  });
  afterEach(() => temp.remove());

  function inspect<T>(read: (db: Database.Database) => T): T {
    const db = new Database(temp.file, { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }
  const appliedVersions = () => inspect((db) => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all());
  const tableNames = () => inspect((db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all());
  const everyVersion = MIGRATIONS.map((_, i) => i + 1);

  it('numbers its migrations 1..N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(everyVersion);
  });

  it('applies every migration to an empty database', async () => {
    await SqliteStore.open(temp.file).close();
    expect(appliedVersions()).toEqual(everyVersion);
    expect(tableNames()).toEqual([
      ...['audit_checkpoints', 'auth_codes', 'card_moves', 'card_passwords', 'cards', 'exchanges', 'face_sessions', 'failures', 'grants', 'identities', 'identity_keys', 'partner_assertions', 'partners'],
      ...['schema_migrations', 'spent_terminal_proofs', 'spent_tokens', 'terminals', 'tile_versions', 'tiles', 'upgrade_sites', 'usages'],
    ]);
  });

  it('applies nothing again when it reopens an up-to-date database', async () => {
    await SqliteStore.open(temp.file).close();
    const before = inspect((db) => db.prepare('SELECT * FROM schema_migrations ORDER BY version').all());
    await SqliteStore.open(temp.file).close();
    expect(inspect((db) => db.prepare('SELECT * FROM schema_migrations ORDER BY version').all())).toEqual(before);
  });

  it('gives each card of a version-11 database its chain head: the hash of its newest chained usage', async () => {
    const old = new Database(temp.file);
    migrate(old, 11);
    old.exec(`
      INSERT INTO identities (id, id_index, name_sealed, id_number_sealed, created_at) VALUES ('identity-1', 'synthetic-id-index-1', 'n', 'i', 0);
      INSERT INTO cards (id, identity_id, holder, id_index, level, status, issued_at, expires_at, key_id, signature)
        VALUES ('card-1', 'identity-1', 'synthetic-holder-1', 'synthetic-id-index-1', 'basic', 'active', 0, 1, 'k', 's');
      INSERT INTO usages (card_id, at, terminal_id, organisation, scene, attributes, prev_hash, hash)
        VALUES ('card-1', 1, 't', 'o', 'hotel', '[]', '${GENESIS_HASH}', 'first-hash'), ('card-1', 2, 't', 'o', 'hotel', '[]', 'first-hash', 'second-hash');
    `);
    old.close();
    const store = SqliteStore.open(temp.file);
    try {
      expect(await store.usageChainHeads()).toEqual(new Map([['card-1', 'second-hash']]));
    } finally {
      await store.close();
    }
  });

  it('migrates a version-12 database whose usages are chain v1: they still verify, new ones are v2 after them, and a revocation redacts both', async () => {
    const old = new Database(temp.file);
    migrate(old, 12);
    const first = syntheticUsage('card-1', { at: after(60_000) });
    const second = syntheticUsage('card-1', { at: after(120_000), terminalId: 'terminal-2', organisation: 'Synthetic Test Cafe', scene: 'internet_cafe' });
    const firstHash = usageHashV1(first, GENESIS_HASH);
    const secondHash = usageHashV1(second, firstHash);
    const insert = old.prepare(
      `INSERT INTO usages (card_id, at, terminal_id, organisation, scene, attributes, prev_hash, hash) VALUES (@cardId, @at, @terminalId, @organisation, @scene, @attributes, @prevHash, @hash)`,
    );
    old.exec(`
      INSERT INTO identities (id, id_index, name_sealed, id_number_sealed, created_at) VALUES ('identity-1', 'synthetic-id-index-1', 'sealed-name', 'sealed-id-number', ${T0.getTime()});
      INSERT INTO cards (id, identity_id, holder, id_index, level, status, issued_at, expires_at, key_id, signature)
        VALUES ('card-1', 'identity-1', 'synthetic-holder-1', 'synthetic-id-index-1', 'basic', 'active',
                ${T0.getTime()}, ${new Date('2036-11-28T08:00:00Z').getTime()}, 'test-issuer-key-1', 'synthetic-signature');
    `);
    for (const [usage, prevHash, hash] of [[first, GENESIS_HASH, firstHash], [second, firstHash, secondHash]] as const) {
      insert.run({ ...usage, at: usage.at.getTime(), attributes: JSON.stringify(usage.attributes), prevHash, hash });
    }
    old.prepare('UPDATE cards SET usage_head = ?').run(secondHash);
    old.close();

    const store = SqliteStore.open(temp.file);
    const walk = async () => {
      const walked: ChainedUsage[] = [];
      for await (const usage of store.chainedUsages()) walked.push(usage);
      return walked;
    };
    try {
      expect(appliedVersions()).toEqual(everyVersion);
      const migrated = await walk();
      expect(migrated).toMatchObject([
        { ...first, hash: firstHash, nonce: null, contentDigest: null, redacted: false },
        { ...second, hash: secondHash, nonce: null, contentDigest: null, redacted: false },
      ]);
      expect(firstBreaks(migrated, await store.usageChainHeads())).toEqual([]);
      // A v1 entry changed still shows, as before the migration.
      expect(firstBreaks([migrated[0]!, { ...migrated[1]!, organisation: 'Someone else' }])).toEqual([{ usageId: migrated[1]!.id, cardId: 'card-1', why: 'content' }]);

      await store.recordVerification('token-after-migration', syntheticUsage('card-1', { at: after(180_000) }));
      const chained = await walk();
      expect(chained[2]).toMatchObject({ prevHash: secondHash, nonce: expect.any(String), contentDigest: expect.any(String) });
      expect(firstBreaks(chained, await store.usageChainHeads())).toEqual([]);

      // Revoked after the change: its v1 entries can only be checked by their links, its v2 entry by its digest.
      expect(await store.changeCard('card-1', syntheticCard(1), { status: 'revoked', at: after(HOUR) })).toBe(true);
      const redacted = await walk();
      expect(redacted.map((u) => [u.redacted, u.terminalId, u.nonce, u.at])).toEqual(Array(3).fill([true, '', null, after(HOUR)]));
      expect(redacted.map((u) => u.hash)).toEqual(chained.map((u) => u.hash));
      expect(firstBreaks(redacted, await store.usageChainHeads())).toEqual([]);
      expect(inspect((db) => db.prepare("SELECT COUNT(*) FROM usages WHERE organisation LIKE 'Synthetic%'").pluck().get())).toBe(0);
      // A redacted v1 entry's hash edited breaks the link of the entry after it.
      const forged = redacted.map((u, i) => (i === 0 ? { ...u, hash: 'e'.repeat(64) } : u));
      expect(firstBreaks(forged)).toEqual([{ usageId: redacted[1]!.id, cardId: 'card-1', why: 'link' }]);
    } finally {
      await store.close();
    }
  });

  it('brings a version-2 database up to date and keeps its terminals, cards, spent tokens and usages', async () => {
    const old = new Database(temp.file);
    old.pragma('journal_mode = WAL');
    migrate(old, 2);
    old.exec(`
      INSERT INTO verifier_terminals (id, organisation, city, scenes, public_key_jwk, enabled, created_at)
        VALUES ('terminal-1', 'Synthetic Test Hotel', 'Synthetic City', '["hotel","age_check"]',
                '{"kty":"EC","crv":"P-256","x":"synthetic-x-coordinate","y":"synthetic-y-coordinate"}', 1, ${T0.getTime()});
      INSERT INTO identities (id, id_index, name_sealed, id_number_sealed, created_at)
        VALUES ('identity-1', 'synthetic-id-index-1', 'sealed-name', 'sealed-id-number', ${T0.getTime()});
      INSERT INTO cards (id, identity_id, holder, id_index, level, status, issued_at, expires_at, key_id, signature)
        VALUES ('card-1', 'identity-1', 'synthetic-holder-1', 'synthetic-id-index-1', 'basic', 'active',
                ${T0.getTime()}, ${new Date('2036-11-28T08:00:00Z').getTime()}, 'test-issuer-key-1', 'synthetic-signature');
      INSERT INTO presentation_uses (token_id, used_at) VALUES ('token-spent-before-upgrade', ${after(60_000).getTime()});
      INSERT INTO usages (card_id, at, terminal_id, organisation, scene, attributes)
        VALUES ('card-1', ${after(60_000).getTime()}, 'terminal-1', 'Synthetic Test Hotel', 'hotel', '["fullName"]');
    `);
    old.close();
    expect(appliedVersions()).toEqual([1, 2]);

    const store = SqliteStore.open(temp.file);
    try {
      expect(appliedVersions()).toEqual(everyVersion);
      expect(tableNames()).not.toEqual(expect.arrayContaining(['verifier_terminals']));
      expect(tableNames()).not.toEqual(expect.arrayContaining(['presentation_uses']));

      expect(await store.getTerminal('terminal-1')).toEqual(syntheticTerminal('terminal-1'));
      // Sealed before data keys existed: no key, opened under the master key.
      const held = { card: syntheticCard(1), identity: syntheticIdentity(1, { dataKey: null }) };
      expect(await store.getHeldCard('card-1')).toEqual(held);
      expect(await store.findCardByHolder('synthetic-holder-1')).toEqual(held);
      expect(await store.listUsages('card-1', { limit: 10 })).toEqual([
        { ...syntheticUsage('card-1', { at: after(60_000) }), id: expect.any(Number) },
      ]);

      await expect(store.recordVerification('token-spent-before-upgrade', syntheticUsage('card-1'))).rejects.toBeInstanceOf(TokenAlreadyUsed);
      await store.recordVerification('token-after-upgrade', syntheticUsage('card-1', { at: after(120_000) }));
      expect((await store.listUsages('card-1', { limit: 10 })).map((u) => u.at)).toEqual([after(120_000), after(60_000)]);
      // The usage from before the chain stays unchained; the chain starts at the next one, and the card's head is it.
      const walked: ChainedUsage[] = [];
      for await (const usage of store.chainedUsages()) walked.push(usage);
      expect(walked.map((u) => u.prevHash)).toEqual([null, GENESIS_HASH]);
      expect(firstBreaks(walked, await store.usageChainHeads())).toEqual([]);
      expect(await store.usageChainHeads()).toEqual(new Map([['card-1', walked[1]!.hash]]));
      expect(await store.setTerminalEnabled('terminal-1', false)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
