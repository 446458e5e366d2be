/**
 * CloudBaseServicesStore: the services store contract through the real
 * tcb-admin-node SDK, pointed at the local endpoint that speaks its protocol
 * (cloudbase-endpoint.ts says what that does and does not prove), then the
 * requests it sends where a guarantee rests on them.
 */
import { CloudBaseServicesStore } from '../../server/adapters/cloudbase/cloudbase-services-store';
import { CloudBaseStore } from '../../server/adapters/cloudbase/cloudbase-store';
import { openOnFreshEndpoint, syntheticConnection, type CloudBaseEndpoint } from './cloudbase-endpoint';
import { describeServicesStoreContract } from './services-store-contract';
import { syntheticCard, syntheticIdentity } from './synthetic-records';
import { syntheticAuthCode, syntheticExchange, syntheticGrant, syntheticPartner, syntheticTile } from './synthetic-services-records';

/** The services store and, on the same database, the Store that holds the cards (as the deployed functions pair them). */
async function open() {
  const opened = await openOnFreshEndpoint((connection) => CloudBaseServicesStore.open(connection));
  return { ...opened, cards: CloudBaseStore.open(syntheticConnection(opened.endpoint)) };
}

describeServicesStoreContract('CloudBaseServicesStore (tcb-admin-node → local CloudBase endpoint)', open);

describe('CloudBaseServicesStore on the CloudBase protocol', () => {
  let endpoint: CloudBaseEndpoint;
  let store: CloudBaseServicesStore;
  beforeEach(async () => {
    ({ endpoint, store } = await open());
  });
  afterEach(() => endpoint.close());

  it('spends an assertion id with one plain insert, refused by the unique (partnerId, jti) index the second time', async () => {
    await store.spendPartnerAssertion('partner-1', 'jti-1', new Date(0));
    expect(await store.spendPartnerAssertion('partner-1', 'jti-1', new Date(0))).toBe(false);
    expect(endpoint.actions).toEqual(['database.addDocument', 'database.addDocument']);
  });

  it('of two concurrent first grants of a card to one tile, exactly one stays unrevoked', async () => {
    await store.insertPartner(syntheticPartner(1));
    await store.insertTile(syntheticTile(1, 'partner-1'));
    await Promise.all([store.insertGrant(syntheticGrant('a')), store.insertGrant(syntheticGrant('b'))]);
    const grants = await store.listGrants('card-1');
    expect(grants).toHaveLength(2);
    expect(grants.filter((g) => g.revokedAt === null)).toHaveLength(1);
  });

  it('lists every partner past one query page, oldest first', async () => {
    const many = Array.from({ length: 130 }, (_, i) => i + 1);
    for (const n of many) await store.insertPartner(syntheticPartner(n, { createdAt: new Date(n * 1000) }));
    expect((await store.listPartners()).map((p) => p.id)).toEqual(many.map((n) => `partner-${n}`));
  });

  it('redeems a code in one transaction that reads the code, its grant and its card, then writes the code before anything else, and the card too', async () => {
    await CloudBaseStore.open(syntheticConnection(endpoint)).mintCard(syntheticIdentity(1), syntheticCard(1));
    await store.insertPartner(syntheticPartner(1));
    await store.insertTile(syntheticTile(1, 'partner-1'));
    await store.insertGrant(syntheticGrant(1));
    await store.insertAuthCode(syntheticAuthCode(1));
    endpoint.actions.length = 0;
    expect(await store.redeemAuthCode('code-1', syntheticExchange())).toBe('redeemed');
    expect(endpoint.actions).toEqual([
      'database.startTransaction',
      'database.getInTransaction',
      'database.getInTransaction',
      'database.getInTransaction',
      'database.updateDocInTransaction',
      'database.updateDocInTransaction',
      'database.updateDocInTransaction',
      'database.getInTransaction',
      'database.updateDocInTransaction',
      'database.insertDocInTransaction',
      'database.commitTransaction',
    ]);
  });
});
