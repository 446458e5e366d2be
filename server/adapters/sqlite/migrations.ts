/**
 * Versioned schema migrations, applied in order inside one transaction each.
 * Never edit a shipped migration: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'enrolment',
    sql: `
      CREATE TABLE face_sessions (
        id TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        challenge TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        attempts_used INTEGER NOT NULL DEFAULT 0,
        passed_at INTEGER
      );
      CREATE INDEX face_sessions_holder ON face_sessions (holder, passed_at);

      CREATE TABLE failures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX failures_key_at ON failures (key, at);

      CREATE TABLE identities (
        id TEXT PRIMARY KEY,
        id_index TEXT NOT NULL,
        name_sealed TEXT NOT NULL,
        id_number_sealed TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX identities_id_index ON identities (id_index);

      CREATE TABLE cards (
        id TEXT PRIMARY KEY,
        identity_id TEXT NOT NULL REFERENCES identities (id),
        holder TEXT NOT NULL,
        id_index TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('basic', 'colour')),
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL
      );
      -- One live card per ID number and per holder: the database, not a read-then-write, decides.
      CREATE UNIQUE INDEX cards_live_id_index ON cards (id_index) WHERE status <> 'revoked';
      CREATE UNIQUE INDEX cards_live_holder ON cards (holder) WHERE status <> 'revoked';
    `,
  },
  {
    version: 2,
    name: 'presentation and verification',
    sql: `
      CREATE TABLE verifier_terminals (
        id TEXT PRIMARY KEY,
        organisation TEXT NOT NULL,
        city TEXT NOT NULL,
        scenes TEXT NOT NULL,
        public_key_jwk TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL
      );

      -- One row per presentation token ever accepted: the primary key makes one-time use atomic.
      CREATE TABLE presentation_uses (
        token_id TEXT PRIMARY KEY,
        used_at INTEGER NOT NULL
      );

      CREATE TABLE usages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL REFERENCES cards (id),
        at INTEGER NOT NULL,
        terminal_id TEXT NOT NULL,
        organisation TEXT NOT NULL,
        scene TEXT NOT NULL,
        attributes TEXT NOT NULL
      );
      CREATE INDEX usages_card ON usages (card_id, id);
    `,
  },
  {
    version: 3,
    name: 'one spelling per concept',
    // Registered verifier devices are "terminals"; the one-time-use marker of a
    // presentation token is a "spent token" (not a "usage", which citizens see).
    // Neither table has a named index; their primary-key indexes follow the rename.
    sql: `
      ALTER TABLE verifier_terminals RENAME TO terminals;
      ALTER TABLE presentation_uses RENAME TO spent_tokens;
    `,
  },
  {
    version: 4,
    name: 'bounded sessions and pruning',
    // Starts are counted per holder by creation time; pruning deletes by age.
    sql: `
      CREATE INDEX face_sessions_holder_created ON face_sessions (holder, created_at);
      CREATE INDEX face_sessions_expires ON face_sessions (expires_at);
      CREATE INDEX failures_at ON failures (at);
      CREATE INDEX spent_tokens_used_at ON spent_tokens (used_at);
    `,
  },
  {
    version: 5,
    name: 'services: partners, tiles, grants, authorisation codes, exchanges',
    // The services store (server/adapters/sqlite/sqlite-services-store.ts) owns these tables; the
    // card store's do not reference them, nor they the card store's (two ports, two adapters).
    // Versions are kept whole: an approved version keeps serving while a later one waits for review.
    sql: `
      CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        credit_code TEXT NOT NULL UNIQUE,
        contact TEXT NOT NULL,
        scopes TEXT NOT NULL,
        domains TEXT NOT NULL,
        app_ids TEXT NOT NULL,
        public_key_jwk TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
        created_at INTEGER NOT NULL
      );

      -- One row per partner assertion id ever accepted, until the assertion expires: the key makes reuse impossible.
      CREATE TABLE partner_assertions (
        partner_id TEXT NOT NULL,
        jti TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (partner_id, jti)
      );
      CREATE INDEX partner_assertions_expires ON partner_assertions (expires_at);

      CREATE TABLE tiles (
        id TEXT PRIMARY KEY,
        partner_id TEXT NOT NULL REFERENCES partners (id),
        suspended INTEGER NOT NULL DEFAULT 0,
        serving_version INTEGER,
        latest_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX tiles_partner ON tiles (partner_id);

      CREATE TABLE tile_versions (
        tile_id TEXT NOT NULL REFERENCES tiles (id),
        version INTEGER NOT NULL,
        manifest TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
        reason TEXT,
        submitted_at INTEGER NOT NULL,
        decided_at INTEGER,
        PRIMARY KEY (tile_id, version)
      );

      CREATE TABLE grants (
        id TEXT PRIMARY KEY,
        card_id TEXT NOT NULL,
        partner_id TEXT NOT NULL REFERENCES partners (id),
        tile_id TEXT NOT NULL REFERENCES tiles (id),
        scopes TEXT NOT NULL,
        granted_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_used_at INTEGER
      );
      CREATE INDEX grants_card ON grants (card_id, granted_at);

      CREATE TABLE auth_codes (
        id TEXT PRIMARY KEY,
        grant_id TEXT NOT NULL REFERENCES grants (id),
        tile_id TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE INDEX auth_codes_expires ON auth_codes (expires_at);

      CREATE TABLE exchanges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        partner_id TEXT NOT NULL,
        partner_name TEXT NOT NULL,
        tile_id TEXT NOT NULL,
        tile_title TEXT NOT NULL,
        grant_id TEXT NOT NULL,
        scopes TEXT NOT NULL
      );
      CREATE INDEX exchanges_card ON exchanges (card_id, id);
    `,
  },
  {
    version: 6,
    name: 'lifecycle: a data key per identity (crypto-shredding)',
    // A separate table, so destroying an identity's key is one DELETE, and a
    // legacy identity (sealed under the master key) simply has no row.
    sql: `
      CREATE TABLE identity_keys (
        identity_id TEXT PRIMARY KEY REFERENCES identities (id),
        wrapped_key TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'colour upgrade: card passwords',
    sql: `
      CREATE TABLE card_passwords (
        card_id TEXT PRIMARY KEY REFERENCES cards (id),
        hash TEXT NOT NULL,
        tries_used INTEGER NOT NULL DEFAULT 0,
        last_try_at INTEGER,
        set_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'colour upgrade: the upgrade terminal directory',
    sql: `
      CREATE TABLE upgrade_sites (
        id TEXT PRIMARY KEY,
        city TEXT NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        hours TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX upgrade_sites_city ON upgrade_sites (city, id);
    `,
  },
  {
    version: 9,
    name: 'lifecycle: cards moved to another account',
    sql: `
      CREATE TABLE card_moves (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        from_card_id TEXT NOT NULL,
        from_holder TEXT NOT NULL,
        to_card_id TEXT NOT NULL,
        id_index TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX card_moves_id_index ON card_moves (id_index, at);
      CREATE INDEX card_moves_from_holder ON card_moves (from_holder, at);
    `,
  },
  {
    version: 10,
    name: 'tamper-evident usages: a hash chain per card',
    // Usages recorded before this have no hashes; the chain of their card starts at its next usage.
    sql: `
      ALTER TABLE usages ADD COLUMN prev_hash TEXT;
      ALTER TABLE usages ADD COLUMN hash TEXT;
    `,
  },
  {
    version: 11,
    name: 'tamper-evident usages: signed checkpoints of the chain heads',
    sql: `
      CREATE TABLE audit_checkpoints (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        token TEXT NOT NULL,
        heads TEXT NOT NULL
      );
    `,
  },
  {
    version: 12,
    name: 'tamper-evident usages: the card keeps its chain head',
    // The head on the card, written with each usage: a removed newest entry shows (the head names it), and the next entry still links to it.
    sql: `
      ALTER TABLE cards ADD COLUMN usage_head TEXT;
      UPDATE cards SET usage_head = (SELECT hash FROM usages u WHERE u.card_id = cards.id AND u.hash IS NOT NULL ORDER BY u.id DESC LIMIT 1);
    `,
  },
  {
    version: 13,
    name: 'once-only terminal proofs: an assertion that opens a session or upgrades, a session upgrade counter',
    sql: `
      CREATE TABLE spent_terminal_proofs (
        terminal_id TEXT NOT NULL,
        proof_id TEXT NOT NULL,
        kept_until INTEGER NOT NULL,
        PRIMARY KEY (terminal_id, proof_id)
      ) WITHOUT ROWID;
      CREATE INDEX spent_terminal_proofs_kept_until ON spent_terminal_proofs (kept_until);
    `,
  },
  {
    version: 14,
    name: 'tamper-evident usages: redacted at revocation (chain v2)',
    // A v2 usage's hash covers its details only through content_digest, salted by nonce, so revocation
    // can erase the details and the nonce and keep the chain (server/adapters/usage-chain.ts). Older rows
    // keep NULL in both and verify as v1; nothing else changes, so this stands alone.
    sql: `
      ALTER TABLE usages ADD COLUMN nonce TEXT;
      ALTER TABLE usages ADD COLUMN content_digest TEXT;
      ALTER TABLE usages ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;
    `,
  },
];
