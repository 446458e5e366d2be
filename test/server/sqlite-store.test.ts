/** The SQLite store's group-committed verification records: one-time use stays atomic per token and per batch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { TokenAlreadyUsed, type UsageRecord } from '../../server/domain/store';

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eid-store-'));
  store = SqliteStore.open(join(dir, 'eid.sqlite'));
  const at = new Date('2026-11-28T08:00:00Z');
  await store.mintCard(
    { id: 'identity-1', idIndex: 'index-1', nameSealed: 'sealed', idNumberSealed: 'sealed', createdAt: at },
    { id: 'card-1', identityId: 'identity-1', holder: 'alice', level: 'basic', status: 'active', issuedAt: at, expiresAt: at, keyId: 'k', signature: 's' },
  );
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const usage = (cardId = 'card-1'): Omit<UsageRecord, 'id'> => ({
  cardId,
  at: new Date('2026-11-28T08:00:00Z'),
  terminalId: 'vt_1',
  organisation: 'synthetic hotel',
  scene: 'hotel',
  attributes: ['fullName'],
});

it('refuses a token used twice within one batch and records it once', async () => {
  const results = await Promise.allSettled([store.recordVerification('t1', usage()), store.recordVerification('t1', usage())]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TokenAlreadyUsed);
  expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
});

it('refuses a token used in an earlier batch', async () => {
  await store.recordVerification('t1', usage());
  await expect(store.recordVerification('t1', usage())).rejects.toBeInstanceOf(TokenAlreadyUsed);
});

it('writes nothing of a batch whose transaction fails', async () => {
  const results = await Promise.allSettled([store.recordVerification('t1', usage()), store.recordVerification('t2', usage('no-such-card'))]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(0);
  await store.recordVerification('t1', usage()); // t1 was not marked used by the failed batch
  expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
});
