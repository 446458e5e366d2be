/**
 * CloudBaseStore: the store contract through the real tcb-admin-node SDK,
 * pointed at a local endpoint that speaks its protocol
 * (cloudbase-endpoint.ts says what that does and does not prove), then what
 * only this adapter has: the requests it sends, duplicate-key and conflict
 * replies, retries only on DATABASE_TRANSACTION_CONFLICT, and transport
 * failures as errors rather than hangs.
 */
import { CloudBaseError, TRANSACTION_CONFLICT, TRANSPORT_FAILED, unwrap } from '../../server/adapters/cloudbase/cloudbase-error';
import { generateKeyPairSync } from 'node:crypto';
import { auditStore, publishCheckpoint } from '../../server/adapters/audit/audit-trail';
import { CloudBaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { IssuerKeys } from '../../server/adapters/keys/issuer-keys';
import { COLLECTIONS, type UsageDoc } from '../../server/adapters/cloudbase/collections';
import { openDatabase } from '../../server/adapters/cloudbase/database';
import { toChainedUsage } from '../../server/adapters/cloudbase/documents';
import { MAX_TRANSACTION_ATTEMPTS } from '../../server/adapters/cloudbase/transactions';
import { GENESIS_HASH, firstBreaks } from '../../server/adapters/usage-chain';
import { CardChanged, TokenAlreadyUsed } from '../../server/domain/store';
import { openOnFreshEndpoint, startCloudBaseEndpoint, syntheticConnection, type CloudBaseEndpoint } from './cloudbase-endpoint';
import { describeStoreContract } from './store-contract';
import { T0, after, syntheticCard, syntheticIdentity, syntheticUsage } from './synthetic-records';

const openOn = (endpoint: CloudBaseEndpoint) => CloudBaseStore.open(syntheticConnection(endpoint));

describeStoreContract('CloudBaseStore (tcb-admin-node → local CloudBase endpoint)', () => openOnFreshEndpoint((connection) => CloudBaseStore.open(connection)));

describe('CloudBaseStore on the CloudBase protocol', () => {
  let endpoint: CloudBaseEndpoint;
  let store: CloudBaseStore;
  beforeEach(async () => {
    endpoint = await startCloudBaseEndpoint();
    store = openOn(endpoint);
    await store.mintCard(syntheticIdentity(1), syntheticCard(1));
  });
  afterEach(() => endpoint.close());

  it('reads the card first, then spends a token with a transactional insert keyed by the token id and numbers the usage on the card', async () => {
    endpoint.actions.length = 0;
    await store.recordVerification('t1', syntheticUsage('card-1'));
    expect(endpoint.actions).toEqual([
      'database.startTransaction',
      'database.getInTransaction',
      'database.insertDocInTransaction',
      'database.updateDocInTransaction',
      'database.insertDocInTransaction',
      'database.commitTransaction',
    ]);
  });

  it('refuses a claim on a card no longer active in the transaction that read it, and ends that transaction without a write or a retry', async () => {
    expect(await store.changeCard('card-1', syntheticCard(1), { status: 'suspended' })).toBe(true);
    endpoint.actions.length = 0;
    await expect(store.recordVerification('t1', syntheticUsage('card-1'))).rejects.toBeInstanceOf(CardChanged);
    expect(endpoint.actions).toEqual(['database.startTransaction', 'database.getInTransaction', 'database.abortTransaction']);
  });

  it('chains each card’s usages: every usage document holds the previous one’s hash, and the chain verifies', async () => {
    for (const token of ['t1', 't2', 't3']) await store.recordVerification(token, syntheticUsage('card-1'));
    const db = openDatabase({ env: 'synthetic-env', secretId: 'synthetic-secret-id', secretKey: 'synthetic-secret-key', serviceUrl: endpoint.serviceUrl });
    const { data } = await unwrap(db.collection(COLLECTIONS.usages).where({ cardId: 'card-1' }).orderBy('seq', 'asc').get());
    const docs = data as Array<UsageDoc & { prevHash: string; hash: string }>;
    expect(docs.map((d) => d.prevHash)).toEqual([GENESIS_HASH, docs[0]!.hash, docs[1]!.hash]);
    // Chain v2: each document is salted by its own nonce, and its hash covers the salted digest.
    expect(new Set(docs.map((d) => d.nonce)).size).toBe(3);
    expect(docs.map((d) => d.contentDigest)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.any(String), expect.any(String)]);
    const chained = docs.map(toChainedUsage);
    expect(firstBreaks(chained)).toEqual([]);
    expect(firstBreaks([chained[0]!, { ...chained[1]!, organisation: 'Someone else' }, chained[2]!])).toEqual([{ usageId: 2, cardId: 'card-1', why: 'content' }]);
  });

  it('is audited as SQLite is: a changed document and a removed newest one are named, a kept checkpoint holds', async () => {
    for (const token of ['t1', 't2', 't3']) await store.recordVerification(token, syntheticUsage('card-1'));
    const issuer = new IssuerKeys(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    await publishCheckpoint(store, issuer.current, T0);
    expect(await auditStore(store, issuer.jwks())).toMatchObject({ usages: 3, chained: 3, cards: 1, breaks: [], checkpoints: 1, badCheckpoints: [] });

    const db = openDatabase({ env: 'synthetic-env', secretId: 'synthetic-secret-id', secretKey: 'synthetic-secret-key', serviceUrl: endpoint.serviceUrl });
    await unwrap(db.collection(COLLECTIONS.usages).doc('card-1:2').update({ organisation: 'Someone else' }));
    expect((await auditStore(store, issuer.jwks())).breaks).toEqual([{ usageId: 2, cardId: 'card-1', why: 'content' }]);
    await unwrap(db.collection(COLLECTIONS.usages).where({ _id: 'card-1:2' }).remove());
    await unwrap(db.collection(COLLECTIONS.usages).where({ _id: 'card-1:3' }).remove());
    const cut = await auditStore(store, issuer.jwks());
    expect(cut.breaks).toEqual([{ usageId: 1, cardId: 'card-1', why: 'tail' }]);
    expect(cut.badCheckpoints).toEqual([{ checkpoint: 1, why: 'missing_head' }]);
  });

  it('reads a duplicate-key reply on the spent token as TokenAlreadyUsed, without a retry', async () => {
    await store.recordVerification('t1', syntheticUsage('card-1'));
    endpoint.actions.length = 0;
    await expect(store.recordVerification('t1', syntheticUsage('card-1'))).rejects.toBeInstanceOf(TokenAlreadyUsed);
    expect(endpoint.actions.filter((a) => a === 'database.startTransaction')).toHaveLength(1);
  });

  it('retries a transaction on DATABASE_TRANSACTION_CONFLICT and succeeds once the conflict is gone', async () => {
    endpoint.failNext('database.insertDocInTransaction', TRANSACTION_CONFLICT, 3);
    await store.recordVerification('t1', syntheticUsage('card-1'));
    expect(endpoint.actions.filter((a) => a === 'database.startTransaction')).toHaveLength(4 + 1); // the mint, then 3 conflicts and the success
    expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
  });

  it('gives up after a bounded number of conflicts, writing nothing', async () => {
    endpoint.failNext('database.insertDocInTransaction', TRANSACTION_CONFLICT, MAX_TRANSACTION_ATTEMPTS);
    await expect(store.recordVerification('t1', syntheticUsage('card-1'))).rejects.toEqual(new CloudBaseError(TRANSACTION_CONFLICT));
    expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(0);
    await store.recordVerification('t1', syntheticUsage('card-1')); // t1 was not spent
  });

  it('retries nothing but conflicts: any other error value ends the call, as a CloudBaseError with its code only', async () => {
    endpoint.failNext('database.getInTransaction', 'DATABASE_REQUEST_FAILED');
    const failed = await store.recordVerification('t1', syntheticUsage('card-1')).catch((error: unknown) => error);
    expect(failed).toEqual(new CloudBaseError('DATABASE_REQUEST_FAILED'));
    expect((failed as Error).message).not.toContain('forced by the test');
    expect(endpoint.actions.filter((a) => a === 'database.startTransaction')).toHaveLength(2);
  });

  it('turns an unreachable service into a CloudBaseError, also on the SDK calls that never settle by themselves', async () => {
    await endpoint.close();
    await expect(store.getTerminal('terminal-1')).rejects.toEqual(new CloudBaseError(TRANSPORT_FAILED));
    // where().remove() in the SDK has no .catch: without database.ts it would hang and reject unhandled.
    await expect(store.prune({ faceSessionsBefore: T0, failuresBefore: T0, spentTokensBefore: after(1), terminalProofsBefore: T0 })).rejects.toEqual(
      new CloudBaseError(TRANSPORT_FAILED),
    );
    endpoint = await startCloudBaseEndpoint(); // for afterEach
  });
});
