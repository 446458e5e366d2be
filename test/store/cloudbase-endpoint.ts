/**
 * A LOCAL STAND-IN FOR THE CLOUDBASE DATABASE SERVICE, for tests only.
 *
 * What it is: a small HTTP endpoint on 127.0.0.1 that speaks the protocol
 * tcb-admin-node sends to its `serviceUrl`: one JSON POST per call, named by
 * `action` (database.addDocument, queryDocument, updateDocument,
 * deleteDocument, countDocument, startTransaction, getInTransaction,
 * insertDocInTransaction, updateDocInTransaction, deleteDocInTransaction,
 * commitTransaction, abortTransaction), answering HTTP 200 with the reply
 * shapes the SDK reads, errors as values ({ code, message }). It models what
 * CloudBase documents and the adapter relies on: snapshot reads in a
 * transaction; a write lock per document, so another transaction's write
 * fails with DATABASE_TRANSACTION_CONFLICT and a plain write waits; a write to
 * a document changed after the snapshot conflicts; commit all or nothing;
 * unique indexes (`_id` and those declared in
 * server/adapters/cloudbase/collections.ts) refusing a second value with
 * DATABASE_DUPLICATE_WRITE; a collection not declared does not exist.
 *
 * What it is not: CloudBase. It checks that the adapter sends the documented
 * requests and handles the documented replies, and that the adapter's logic
 * holds under those semantics. The guarantees themselves (isolation, locks,
 * uniqueness under real concurrency and failure) come from CloudBase and are
 * not proven here. It verifies no signature, keeps everything in memory,
 * understands only the query and update operators the adapter uses, and
 * times nothing out.
 */
import { EJSON } from 'bson';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DATABASE } from '../../server/adapters/cloudbase/collections';
import type { CloudBaseConnection } from '../../server/adapters/cloudbase/database';

type Doc = Record<string, unknown> & { _id: string };
type Reply = Record<string, unknown>;

class Refusal {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

interface Version {
  seq: number;
  doc: Doc | null;
}

interface OpenTransaction {
  snapshot: number;
  writes: Map<string, Doc | null>;
}

export interface CloudBaseEndpoint {
  serviceUrl: string;
  /** Every action received, in order. */
  actions: string[];
  /** Answers the next `count` calls of `action` with `code` instead of serving them. */
  failNext(action: string, code: string, count?: number): void;
  close(): Promise<void>;
}

/** How an adapter under test connects to the endpoint: synthetic credentials, which it never checks. */
export const syntheticConnection = (endpoint: Pick<CloudBaseEndpoint, 'serviceUrl'>): CloudBaseConnection => ({
  env: 'synthetic-env',
  secretId: 'synthetic-secret-id',
  secretKey: 'synthetic-secret-key',
  serviceUrl: endpoint.serviceUrl,
});

/** A fresh endpoint with an adapter opened on it, as a contract suite opens a store: closing closes both. */
export async function openOnFreshEndpoint<S extends { close(): Promise<void> }>(open: (connection: CloudBaseConnection) => S) {
  const endpoint = await startCloudBaseEndpoint();
  const store = open(syntheticConnection(endpoint));
  return {
    store,
    endpoint,
    async close() {
      await store.close();
      await endpoint.close();
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/** Documented fields every database call of the SDK carries (tcb-admin-node src/utils/httpRequest.js). */
const REQUIRED_FIELDS = ['action', 'envName', 'timestamp', 'authorization', 'sdk_version'];

export async function startCloudBaseEndpoint(): Promise<CloudBaseEndpoint> {
  const history = new Map<string, Version[]>();
  const collections = new Set(DATABASE.map((c) => c.name));
  const uniqueIndexes = new Map(DATABASE.map((c) => [c.name, c.indexes.filter((i) => i.unique).map((i) => i.keys.map((k) => k.field))]));
  const locks = new Map<string, string>();
  const transactions = new Map<string, OpenTransaction>();
  const forced = new Map<string, string[]>();
  const actions: string[] = [];
  let seq = 0;
  let nextId = 0;

  const versionAt = (collection: string, id: string, at = Infinity): Version | undefined => {
    const visible = (history.get(keyOf(collection, id)) ?? []).filter((v) => v.seq <= at);
    return visible[visible.length - 1];
  };
  const committed = (collection: string, id: string, at = Infinity) => versionAt(collection, id, at)?.doc ?? null;
  const liveDocs = (collection: string): Doc[] => {
    const docs: Doc[] = [];
    for (const [key, versions] of history) {
      const [name] = key.split('\u0000');
      const latest = versions[versions.length - 1]?.doc;
      if (name === collection && latest) docs.push(latest);
    }
    return docs;
  };

  const assertCollection = (name: unknown): string => {
    if (typeof name !== 'string' || !collections.has(name as never)) throw new Refusal('DATABASE_COLLECTION_NOT_EXIST', 'collection not exist');
    return name;
  };

  const assertUnique = (collection: string, doc: Doc, alsoPending: Doc[] = []) => {
    for (const fields of uniqueIndexes.get(collection as never) ?? []) {
      const tuple = JSON.stringify(fields.map((f) => doc[f] ?? null));
      const others = [...liveDocs(collection), ...alsoPending].filter((d) => d._id !== doc._id);
      if (others.some((d) => JSON.stringify(fields.map((f) => d[f] ?? null)) === tuple)) throw new Refusal('DATABASE_DUPLICATE_WRITE', 'duplicate key');
    }
  };

  const commitWrite = (collection: string, id: string, doc: Doc | null, at: number) => {
    const key = keyOf(collection, id);
    history.set(key, [...(history.get(key) ?? []), { seq: at, doc }]);
  };

  /** A plain write waits for a transaction's lock, as CloudBase documents ("普通的更新操作会被阻塞"). */
  const waitUnlocked = async (collection: string, id: string) => {
    while (locks.has(keyOf(collection, id))) await pause(1);
  };

  // ---- plain (non-transactional) actions --------------------------------------------------------

  const plain: Record<string, (p: Reply) => Promise<Reply>> = {
    'database.addDocument': async (p) => {
      const collection = assertCollection(p.collectionName);
      const data = p.data as Record<string, unknown>;
      const id = String(data._id ?? p._id ?? `generated-${++nextId}`);
      await waitUnlocked(collection, id);
      if (committed(collection, id)) throw new Refusal('DATABASE_DUPLICATE_WRITE', 'duplicate key _id');
      const doc = { ...data, _id: id } as Doc;
      assertUnique(collection, doc);
      commitWrite(collection, id, doc, ++seq);
      return { data: { _id: id } };
    },
    'database.queryDocument': async (p) => {
      const collection = assertCollection(p.collectionName);
      let docs = liveDocs(collection).filter((d) => matches(d, (p.query as Reply) ?? {}));
      docs = sortBy(docs, (p.order as Array<{ field: string; direction: 'asc' | 'desc' }>) ?? []);
      const offset = Number(p.offset ?? 0);
      const limit = Number(p.limit ?? 100);
      return { data: { list: docs.slice(offset, offset + limit) } };
    },
    'database.countDocument': async (p) => {
      const collection = assertCollection(p.collectionName);
      return { data: { total: liveDocs(collection).filter((d) => matches(d, (p.query as Reply) ?? {})).length } };
    },
    'database.updateDocument': async (p) => {
      const collection = assertCollection(p.collectionName);
      const query = (p.query as Reply) ?? {};
      const data = p.data as Reply;
      let updated = 0;
      for (const found of liveDocs(collection).filter((d) => matches(d, query)).slice(0, p.multi ? undefined : 1)) {
        await waitUnlocked(collection, found._id);
        const current = committed(collection, found._id);
        if (!current || !matches(current, query)) continue;
        const next = p.merge === false ? ({ ...data, _id: found._id } as Doc) : applyUpdate(current, data);
        assertUnique(collection, next);
        commitWrite(collection, found._id, next, ++seq);
        updated++;
      }
      if (updated === 0 && p.upsert === true && typeof query._id === 'string') {
        commitWrite(collection, query._id, { ...data, _id: query._id } as Doc, ++seq);
        return { data: { updated: 0, upserted_id: query._id } };
      }
      return { data: { updated } };
    },
    'database.deleteDocument': async (p) => {
      const collection = assertCollection(p.collectionName);
      const query = (p.query as Reply) ?? {};
      let deleted = 0;
      for (const found of liveDocs(collection).filter((d) => matches(d, query)).slice(0, p.multi ? undefined : 1)) {
        await waitUnlocked(collection, found._id);
        const current = committed(collection, found._id);
        if (!current || !matches(current, query)) continue;
        commitWrite(collection, found._id, null, ++seq);
        deleted++;
      }
      return { data: { deleted } };
    },
  };

  // ---- transactions -------------------------------------------------------------------------------

  const end = (id: string) => {
    for (const [key, holder] of locks) if (holder === id) locks.delete(key);
    transactions.delete(id);
  };
  const openTransaction = (p: Reply): [string, OpenTransaction] => {
    const id = String(p.transactionId);
    const tx = transactions.get(id);
    if (!tx) throw new Refusal('DATABASE_TRANSACTION_FAIL', '[ResourceUnavailable.TransactionNotExist] transaction not exist');
    return [id, tx];
  };
  /** Reads as of the snapshot, with the transaction's own writes. */
  const readIn = (tx: OpenTransaction, collection: string, docId: string) => {
    const key = keyOf(collection, docId);
    return tx.writes.has(key) ? tx.writes.get(key)! : committed(collection, docId, tx.snapshot);
  };
  /** Takes the write lock, or ends the transaction with a conflict (a lock held, or a change after the snapshot). */
  const lockFor = (txId: string, tx: OpenTransaction, collection: string, docId: string) => {
    const key = keyOf(collection, docId);
    const holder = locks.get(key);
    const latest = versionAt(collection, docId);
    if ((holder && holder !== txId) || (latest && latest.seq > tx.snapshot)) {
      end(txId);
      throw new Refusal('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict');
    }
    locks.set(key, txId);
  };
  const docIdOf = (p: Reply) => String((p.query as { _id: { $eq: string } })._id.$eq);
  const parseData = (p: Reply) => EJSON.parse(String(p.data), { relaxed: true }) as Reply;

  const inTransaction: Record<string, (p: Reply) => Promise<Reply>> = {
    'database.startTransaction': async () => {
      const id = `synthetic-tx-${++nextId}`;
      transactions.set(id, { snapshot: seq, writes: new Map() });
      return { transactionId: id };
    },
    'database.getInTransaction': async (p) => {
      const [, tx] = openTransaction(p);
      const doc = readIn(tx, assertCollection(p.collectionName), docIdOf(p));
      return { data: doc ? EJSON.stringify(doc, { relaxed: false }) : 'null' };
    },
    'database.insertDocInTransaction': async (p) => {
      const [txId, tx] = openTransaction(p);
      const collection = assertCollection(p.collectionName);
      const data = parseData(p);
      const docId = String(p._id ?? data._id ?? `generated-${++nextId}`);
      if (readIn(tx, collection, docId)) {
        end(txId);
        throw new Refusal('DATABASE_DUPLICATE_WRITE', 'duplicate key _id');
      }
      lockFor(txId, tx, collection, docId);
      const doc = { ...data, _id: docId } as Doc;
      assertUnique(collection, doc);
      tx.writes.set(keyOf(collection, docId), doc);
      return { inserted: '1', ok: '1' };
    },
    'database.updateDocInTransaction': async (p) => {
      const [txId, tx] = openTransaction(p);
      const collection = assertCollection(p.collectionName);
      const docId = docIdOf(p);
      const current = readIn(tx, collection, docId);
      const data = parseData(p);
      const replace = p.upsert === true;
      if (!current && !replace) return { updated: '0' };
      lockFor(txId, tx, collection, docId);
      tx.writes.set(keyOf(collection, docId), replace ? ({ ...data, _id: docId } as Doc) : applyUpdate(current!, data));
      return { updated: current ? '1' : '0', ...(!current && { upserted: JSON.stringify([{ _id: docId }]) }) };
    },
    'database.deleteDocInTransaction': async (p) => {
      const [txId, tx] = openTransaction(p);
      const collection = assertCollection(p.collectionName);
      const docId = docIdOf(p);
      if (!readIn(tx, collection, docId)) return { deleted: '0' };
      lockFor(txId, tx, collection, docId);
      tx.writes.set(keyOf(collection, docId), null);
      return { deleted: '1' };
    },
    'database.commitTransaction': async (p) => {
      const [txId, tx] = openTransaction(p);
      const pending = [...tx.writes].map(([key, doc]) => ({ collection: key.split('\u0000')[0], id: key.split('\u0000')[1], doc }));
      try {
        for (const { collection, doc } of pending) {
          if (doc) assertUnique(collection, doc, pending.filter((w) => w.collection === collection && w.doc && w.doc._id !== doc._id).map((w) => w.doc!));
        }
      } catch (refusal) {
        end(txId);
        throw refusal;
      }
      const at = ++seq;
      for (const { collection, id, doc } of pending) commitWrite(collection, id, doc, at);
      end(txId);
      return {};
    },
    'database.abortTransaction': async (p) => {
      const [txId] = openTransaction(p);
      end(txId);
      return {};
    },
  };

  const serve = async (p: Reply): Promise<Reply> => {
    const missing = REQUIRED_FIELDS.filter((field) => p[field] === undefined);
    if (missing.length) return { code: 'INVALID_PARAM', message: `missing ${missing.join(', ')}` };
    const action = String(p.action);
    actions.push(action);
    const forcedCode = forced.get(action)?.shift();
    if (forcedCode) {
      if (action.endsWith('InTransaction') && p.transactionId) end(String(p.transactionId));
      return { code: forcedCode, message: 'forced by the test' };
    }
    const handler = plain[action] ?? inTransaction[action];
    if (!handler) return { code: 'INVALID_PARAM', message: 'unknown action' };
    try {
      return await handler(p);
    } catch (error) {
      if (error instanceof Refusal) return { code: error.code, message: error.message };
      throw error;
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let params: Reply;
      try {
        params = JSON.parse(raw) as Reply;
      } catch {
        res.statusCode = 400;
        res.end();
        return;
      }
      serve(params).then(
        (reply) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ requestId: `synthetic-request-${actions.length}`, ...reply }));
        },
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/admin`,
    actions,
    failNext: (action, code, count = 1) => forced.set(action, [...(forced.get(action) ?? []), ...Array<string>(count).fill(code)]),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- the query and update operators the adapter sends ----------------------------------------------

function equals(value: unknown, wanted: unknown): boolean {
  if (wanted === null) return value === null || value === undefined;
  if (Array.isArray(value) && !Array.isArray(wanted)) return value.some((item) => equals(item, wanted));
  return JSON.stringify(value) === JSON.stringify(wanted);
}

function compare(value: unknown, op: string, bound: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => compare(item, op, bound));
  if (typeof value !== typeof bound || value === null || value === undefined) return false;
  const [a, b] = [value as number | string, bound as number | string];
  return op === '$gt' ? a > b : op === '$gte' ? a >= b : op === '$lt' ? a < b : a <= b;
}

function fieldMatches(value: unknown, condition: unknown): boolean {
  const isOperators = condition !== null && typeof condition === 'object' && !Array.isArray(condition) && Object.keys(condition).every((k) => k.startsWith('$'));
  if (!isOperators) return equals(value, condition);
  return Object.entries(condition as Reply).every(([op, operand]) => {
    if (op === '$eq') return equals(value, operand);
    if (op === '$ne') return !equals(value, operand);
    if (op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') return compare(value, op, operand);
    if (op === '$in') return (operand as unknown[]).some((o) => equals(value, o));
    throw new Refusal('INVALID_PARAM', `operator ${op} is not modelled`);
  });
}

function matches(doc: Reply, query: Reply): boolean {
  return Object.entries(query).every(([key, condition]) => {
    if (key === '$and') return (condition as Reply[]).every((q) => matches(doc, q));
    if (key === '$or') return (condition as Reply[]).some((q) => matches(doc, q));
    return fieldMatches(key.split('.').reduce<unknown>((v, k) => (v as Reply | undefined)?.[k], doc), condition);
  });
}

function sortBy(docs: Doc[], order: Array<{ field: string; direction: 'asc' | 'desc' }>): Doc[] {
  return [...docs].sort((a, b) => {
    for (const { field, direction } of order) {
      const [x, y] = [a[field] as number, b[field] as number];
      if (x === y) continue;
      const less = x === null || x === undefined || (y !== null && y !== undefined && x < y);
      return (less ? -1 : 1) * (direction === 'desc' ? -1 : 1);
    }
    return 0;
  });
}

/** `$set` of a nested field: the SDK flattens an object value into dotted paths (`identity.nameSealed`), as MongoDB does. */
function setPath(target: Reply, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Reply;
  }
  at[keys[keys.length - 1]!] = value;
}

function applyUpdate(doc: Doc, update: Reply): Doc {
  const next: Reply = structuredClone(doc);
  for (const [op, fields] of Object.entries(update)) {
    for (const [field, value] of Object.entries(fields as Reply)) {
      if (op === '$set') setPath(next, field, value);
      else if (op === '$inc') next[field] = ((next[field] as number) ?? 0) + (value as number);
      else if (op === '$unset') delete next[field];
      else throw new Refusal('INVALID_PARAM', `update operator ${op} is not modelled`);
    }
  }
  return next as Doc;
}
