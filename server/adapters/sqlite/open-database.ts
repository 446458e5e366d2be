/** Opens the embedded SQLite database (WAL) and brings its schema up to date. */
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed, not left in free space: a shredded identity leaves no bytes behind.
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

/**
 * Applies, in order and one transaction each, every migration not yet
 * recorded in schema_migrations, up to and including version `upTo`.
 * Tests pass `upTo` to build a database as an older release left it.
 */
export function migrate(db: Db, upTo = Number.POSITIVE_INFINITY): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version) || migration.version > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    })();
  }
}
