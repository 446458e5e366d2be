/**
 * Empties the WAL after something was erased (secure_delete zeroes it in the
 * main file, open-database.ts), so no page image of it stays there: a
 * truncating checkpoint. A reader in another connection (an `audit:verify`,
 * a backup) can keep SQLite from finishing; then it is tried again every
 * RETRY_MS until it finishes, and `pending` says so meanwhile. Each store
 * over the file has its own.
 */
import type { Db } from './open-database';

const RETRY_MS = 1000;

export class WalEraser {
  private retry: NodeJS.Timeout | undefined;
  /** True while erased pages may still be in the WAL. */
  pending = false;

  constructor(private readonly db: Db) {}

  truncate(): void {
    clearTimeout(this.retry);
    // Without waiting for the reader (busy_timeout would block every call for seconds): the retry waits instead.
    const busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    let result: { busy: number } | undefined;
    try {
      [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
    this.pending = result?.busy !== 0;
    if (this.pending) this.retry = setTimeout(() => this.db.open && this.truncate(), RETRY_MS).unref();
  }

  /** Before the database closes. */
  stop(): void {
    clearTimeout(this.retry);
  }
}
