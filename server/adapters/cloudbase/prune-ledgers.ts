/**
 * Pruning of the ledger documents (a holder's face-session starts, a key's
 * failures): every entry older than the cutoff goes, each ledger rewritten in
 * its own transaction ([txn]: an entry appended meanwhile conflicts rather
 * than being lost). A failures ledger left with no entry and no place held is
 * deleted; a starts ledger stays, since it names the holder's open session.
 */
import type { Database } from 'tcb-admin-node';
import { unwrap } from './cloudbase-error';
import { COLLECTIONS, type FaceStartsDoc, type FailuresDoc } from './collections';
import { inTransaction, readInTransaction } from './transactions';

const PAGE = 100;

type Ledger = { collection: typeof COLLECTIONS.faceStarts; field: 'starts' } | { collection: typeof COLLECTIONS.failures; field: 'at' };

/** Removes entries older than `before` from every ledger of the collection; returns how many entries went. */
export async function pruneLedgers(db: Database, { collection, field }: Ledger, before: number): Promise<number> {
  let removed = 0;
  for (;;) {
    const { data } = await unwrap(db.collection(collection).where({ [field]: db.command.lt(before) }).limit(PAGE).get());
    if (data.length === 0) return removed;
    for (const { _id } of data) removed += await pruneOne(db, collection, field, String(_id), before);
  }
}

async function pruneOne(db: Database, collection: string, field: string, id: string, before: number): Promise<number> {
  return inTransaction(db, async (tx) => {
    const ledger = await readInTransaction<FaceStartsDoc & FailuresDoc>(tx, collection, id);
    if (!ledger) return 0;
    const entries = (field === 'starts' ? ledger.starts : ledger.at) ?? [];
    const kept = entries.filter((at) => at >= before);
    const document = tx.collection(collection).doc(id);
    if (collection === COLLECTIONS.failures && kept.length === 0 && (ledger.places ?? []).length === 0) await document.delete();
    else await document.update({ [field]: kept });
    return entries.length - kept.length;
  });
}
