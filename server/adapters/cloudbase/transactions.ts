/**
 * CloudBase transactions, the atomic step this adapter relies on wherever
 * SQLite had a transaction. What CloudBase documents
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html,
 * https://docs.cloudbase.net/database/transaction):
 * - snapshot isolation: reads see the snapshot the transaction started from;
 * - a write locks its document: another transaction's write to it fails
 *   (DATABASE_TRANSACTION_CONFLICT), a plain update waits for the lock;
 * - only single-document operations inside (doc().get/update/set/delete,
 *   add), but on any number of documents and collections; no `where`;
 * - commit writes every change at once, or none.
 * So a read-modify-write of one document is safe only when the transaction
 * writes the document whose reading decided the outcome (a stale snapshot
 * then conflicts instead of overwriting); every use in cloudbase-store.ts
 * does, and says so.
 *
 * Retries happen only on DATABASE_TRANSACTION_CONFLICT, the whole
 * transaction again from a fresh snapshot, with jittered backoff. Every other
 * error, a duplicate-key write included, ends the transaction and is the
 * caller's to read.
 */
import type { Database, Transaction } from 'tcb-admin-node';
import { TRANSACTION_CONFLICT, asCloudBaseError, hasCode } from './cloudbase-error';

export const MAX_TRANSACTION_ATTEMPTS = 12;
const FIRST_BACKOFF_MS = 4;
const MAX_BACKOFF_MS = 250;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inTransaction<T>(db: Database, work: (transaction: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const transaction = await db.startTransaction().catch((thrown: unknown) => {
      throw asCloudBaseError(thrown);
    });
    try {
      const result = await work(transaction);
      await transaction.commit();
      return result;
    } catch (thrown) {
      const error = asCloudBaseError(thrown);
      // Releases the transaction's locks; the service may have ended it already, so a failure here changes nothing.
      await transaction.rollback().catch(() => undefined);
      if (!hasCode(error, TRANSACTION_CONFLICT) || attempt >= MAX_TRANSACTION_ATTEMPTS) throw error;
      await pause(Math.random() * Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt));
    }
  }
}

/** One document read inside a transaction: its data, or null when it does not exist in the snapshot. */
export async function readInTransaction<T>(transaction: Transaction, collection: string, id: string): Promise<T | null> {
  const { data } = await transaction.collection(collection).doc(id).get();
  return (data as T | null) ?? null;
}
