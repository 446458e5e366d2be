/**
 * The store contract (DESIGN.md §6): every guarantee the use cases rely on,
 * stated once, written only against the Store port, and run on every adapter.
 * An adapter's test file calls describeStoreContract with a way to open a
 * fresh, empty store; races are real concurrent calls, not mocks.
 */
import { GENESIS_HASH, REDACTED_DETAILS, firstBreaks } from '../../server/adapters/usage-chain';
import { CardChanged, CardConflict, TokenAlreadyUsed, type CardRecord, type ChainedUsage, type ExpectedCard, type FaceSessionRecord, type Store } from '../../server/domain/store';
import {
  HOUR,
  MINUTE,
  SECOND,
  T0,
  after,
  syntheticCard,
  syntheticFaceSession,
  syntheticIdentity,
  syntheticTerminal,
  syntheticUsage,
} from './synthetic-records';
import { changeStatus } from '../support/card-status';

export interface OpenedStore {
  store: Store;
  /** Closes the store and throws away everything it wrote. */
  close(): Promise<void>;
}

/** What a decision made on `card` expects of it (Store.changeCard): its status and the claims its signature covers. */
const decidedOn = ({ status, level, issuedAt, expiresAt }: CardRecord): ExpectedCard => ({ status, level, issuedAt, expiresAt });

/** What a claim that must be refused threw; a claim that was recorded fails the test. */
function refusalOf(claim: Promise<void>): Promise<unknown> {
  return claim.then(
    () => {
      throw new Error('the claim was recorded');
    },
    (error: unknown) => error,
  );
}

function fulfilledAndRejected<T>(results: PromiseSettledResult<T>[]) {
  return {
    fulfilled: results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled'),
    reasons: results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown),
  };
}

export function describeStoreContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${adapterName}`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const mint = (n: number | string) => store.mintCard(syntheticIdentity(n), syntheticCard(n));
    /** Opens a session under a start limit no test here reaches. */
    const openSession = (session: FaceSessionRecord) => store.openFaceSession(session, { since: after(-HOUR), max: 1000 });

    describe('cards', () => {
      it('returns a minted card and its identity exactly as written, by card id and by holder', async () => {
        const identity = syntheticIdentity(1);
        const card = syntheticCard(1, { level: 'colour' });
        await store.mintCard(identity, card);
        expect(await store.getHeldCard('card-1')).toEqual({ card, identity });
        expect(await store.findCardByHolder(card.holder)).toEqual({ card, identity });
        expect(await store.getHeldCard('no-such-card')).toBeNull();
        expect(await store.findCardByHolder('no-such-holder')).toBeNull();
      });

      it('lets exactly one of 20 concurrent mints for one holder succeed; the rest conflict by holder and write nothing', async () => {
        const attempts = Array.from({ length: 20 }, (_, i) => `race-${i}`);
        const results = await Promise.allSettled(
          attempts.map((n) => store.mintCard(syntheticIdentity(n), syntheticCard(n, { holder: 'synthetic-holder-race' }))),
        );
        const { fulfilled, reasons } = fulfilledAndRejected(results);
        expect(fulfilled).toHaveLength(1);
        expect(reasons).toHaveLength(19);
        for (const reason of reasons) {
          expect(reason).toBeInstanceOf(CardConflict);
          expect((reason as CardConflict).by).toBe('holder');
        }
        const winner = attempts[results.findIndex((r) => r.status === 'fulfilled')];
        expect((await store.findCardByHolder('synthetic-holder-race'))?.card.id).toBe(`card-${winner}`);
        for (const n of attempts.filter((n) => n !== winner)) expect(await store.getHeldCard(`card-${n}`)).toBeNull();
      });

      it('lets exactly one of 20 concurrent mints for one ID number succeed; the rest conflict by id_number and write nothing', async () => {
        const attempts = Array.from({ length: 20 }, (_, i) => `race-${i}`);
        const results = await Promise.allSettled(
          attempts.map((n) => store.mintCard(syntheticIdentity(n, { idIndex: 'synthetic-id-index-race' }), syntheticCard(n))),
        );
        const { fulfilled, reasons } = fulfilledAndRejected(results);
        expect(fulfilled).toHaveLength(1);
        expect(reasons).toHaveLength(19);
        for (const reason of reasons) {
          expect(reason).toBeInstanceOf(CardConflict);
          expect((reason as CardConflict).by).toBe('id_number');
        }
        const winner = attempts[results.findIndex((r) => r.status === 'fulfilled')];
        for (const n of attempts.filter((n) => n !== winner)) {
          expect(await store.getHeldCard(`card-${n}`)).toBeNull();
          expect(await store.findCardByHolder(`synthetic-holder-${n}`)).toBeNull();
        }
      });

      it('keeps a suspended card live: it is still found by holder and still blocks a new card', async () => {
        await mint(1);
        await changeStatus(store, 'card-1', 'suspended', T0);
        expect((await store.findCardByHolder('synthetic-holder-1'))?.card.status).toBe('suspended');
        await expect(store.mintCard(syntheticIdentity(2), syntheticCard(2, { holder: 'synthetic-holder-1' }))).rejects.toMatchObject({ by: 'holder' });
        await expect(
          store.mintCard(syntheticIdentity(3, { idIndex: 'synthetic-id-index-1' }), syntheticCard(3)),
        ).rejects.toMatchObject({ by: 'id_number' });
      });

      it('frees the holder and the ID number of a revoked card for a new card, and findCardByHolder ignores the revoked one', async () => {
        await mint(1);
        await changeStatus(store, 'card-1', 'revoked', after(HOUR));
        expect(await store.findCardByHolder('synthetic-holder-1')).toBeNull();
        expect((await store.getHeldCard('card-1'))?.card.status).toBe('revoked');

        await store.mintCard(
          syntheticIdentity(2, { idIndex: 'synthetic-id-index-1' }),
          syntheticCard(2, { holder: 'synthetic-holder-1' }),
        );
        expect((await store.findCardByHolder('synthetic-holder-1'))?.card.id).toBe('card-2');
      });
    });

    describe('card lifecycle changes (compare-and-set)', () => {
      const expected = (status: 'active' | 'suspended' | 'revoked') => decidedOn(syntheticCard(1, { status }));

      it('writes a change only while the card is still in the expected status and expiry, and says whether it wrote', async () => {
        await mint(1);
        expect(await store.changeCard('card-1', expected('active'), { status: 'suspended' })).toBe(true);
        expect((await store.getHeldCard('card-1'))?.card.status).toBe('suspended');
        expect(await store.changeCard('card-1', expected('active'), { status: 'revoked', at: after(HOUR) })).toBe(false);
        expect(await store.changeCard('card-1', decidedOn(syntheticCard(1, { status: 'suspended', expiresAt: T0 })), { status: 'active' })).toBe(false);
        expect((await store.getHeldCard('card-1'))?.card.status).toBe('suspended');
        expect(await store.changeCard('card-unknown', expected('active'), { status: 'suspended' })).toBe(false);
      });

      it('lets exactly one of 20 concurrent changes decided on the same state write', async () => {
        await mint(1);
        const results = await Promise.all(Array.from({ length: 20 }, () => store.changeCard('card-1', expected('active'), { status: 'suspended' })));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('renews: writes the new validity, issue time, key id and signature with the status, and keeps id, level and identity', async () => {
        await mint(1);
        const renewal = { issuedAt: after(HOUR), expiresAt: new Date('2041-11-28T08:00:00Z'), keyId: 'test-issuer-key-2', signature: 'renewed-signature' };
        expect(await store.changeCard('card-1', expected('active'), { status: 'active', renewal })).toBe(true);
        expect(await store.getHeldCard('card-1')).toEqual({ card: syntheticCard(1, renewal), identity: syntheticIdentity(1) });
        // The renewal changed the expiry the next decision must name.
        expect(await store.changeCard('card-1', expected('active'), { status: 'active', renewal })).toBe(false);
      });

      it('refuses a change decided on another level or issue time: a signature is never written over claims it was not made for', async () => {
        await mint(1);
        const upgrade = { level: 'colour' as const, keyId: 'test-issuer-key-2', signature: 'colour-signature' };
        expect(await store.changeCard('card-1', expected('active'), { status: 'active', upgrade })).toBe(true);
        // A renewal decided on the basic card, signed over lvl=basic, comes in after the upgrade.
        const renewal = { issuedAt: after(HOUR), expiresAt: new Date('2041-11-28T08:00:00Z'), keyId: 'test-issuer-key-2', signature: 'basic-renewed-signature' };
        expect(await store.changeCard('card-1', expected('active'), { status: 'active', renewal })).toBe(false);
        expect(await store.changeCard('card-1', decidedOn(syntheticCard(1, { ...upgrade, issuedAt: after(HOUR) })), { status: 'active', renewal })).toBe(false);
        expect((await store.getHeldCard('card-1'))?.card).toEqual(syntheticCard(1, upgrade));
      });

      it('returns an identity with its wrapped data key, and one sealed before data keys (null) as written', async () => {
        await mint(1);
        expect((await store.getHeldCard('card-1'))?.identity.dataKey).toBe('wrapped-data-key-1');
        await store.mintCard(syntheticIdentity(2, { dataKey: null }), syntheticCard(2));
        expect((await store.getHeldCard('card-2'))?.identity.dataKey).toBeNull();
      });

      it('revoking shreds: the data key is destroyed, sealed fields, ID number index and holder erased; an audit entry and usages stay', async () => {
        await mint(1);
        await store.recordVerification('token-before-revocation', syntheticUsage('card-1'));
        expect(await store.changeCard('card-1', expected('active'), { status: 'revoked', at: after(HOUR) })).toBe(true);
        const audit = await store.getHeldCard('card-1');
        expect(audit?.identity).toMatchObject({ dataKey: null, nameSealed: '', idNumberSealed: '' });
        expect(audit?.identity.idIndex).not.toBe('synthetic-id-index-1');
        expect(audit?.card.holder).not.toBe('synthetic-holder-1');
        const { holder: _holder, ...kept } = syntheticCard(1, { status: 'revoked' });
        expect(audit?.card).toMatchObject(kept);
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
      });

      it('upgrades: writes the new level, key id and signature with the status, and keeps the validity', async () => {
        await mint(1);
        const upgrade = { level: 'colour' as const, keyId: 'test-issuer-key-2', signature: 'colour-signature' };
        expect(await store.changeCard('card-1', expected('active'), { status: 'active', upgrade })).toBe(true);
        expect((await store.getHeldCard('card-1'))?.card).toEqual(syntheticCard(1, upgrade));
      });

      it('revoking frees the holder and the ID number for a new card in the same step', async () => {
        await mint(1);
        expect(await store.changeCard('card-1', expected('active'), { status: 'revoked', at: after(HOUR) })).toBe(true);
        expect(await store.findCardByHolder('synthetic-holder-1')).toBeNull();
        await store.mintCard(syntheticIdentity(2, { idIndex: 'synthetic-id-index-1' }), syntheticCard(2, { holder: 'synthetic-holder-1' }));
        expect((await store.findCardByHolder('synthetic-holder-1'))?.card.id).toBe('card-2');
      });
    });

    describe('moving a card to another account', () => {
      const expected = decidedOn(syntheticCard(1));
      const moveOf = (at: Date) => ({ fromCardId: 'card-1', fromHolder: 'synthetic-holder-1', toCardId: 'card-2', idIndex: 'synthetic-id-index-1', at });
      const newIdentity = () => syntheticIdentity(2, { idIndex: 'synthetic-id-index-1' });
      const newCard = () => syntheticCard(2, { holder: 'synthetic-holder-2' });

      it('finds the live card of an ID number index, and none once it is revoked', async () => {
        await mint(1);
        expect((await store.findLiveCardByIdIndex('synthetic-id-index-1'))?.card.id).toBe('card-1');
        expect(await store.findLiveCardByIdIndex('synthetic-id-index-9')).toBeNull();
      });

      it('revokes and shreds the old card, mints the new one for the new holder and records the move, all at once', async () => {
        await mint(1);
        expect(await store.moveCard({ cardId: 'card-1', expected }, newIdentity(), newCard(), moveOf(T0))).toBe(true);
        expect((await store.getHeldCard('card-1'))?.card.status).toBe('revoked');
        expect((await store.getHeldCard('card-1'))?.identity).toMatchObject({ dataKey: null, nameSealed: '' });
        expect(await store.findCardByHolder('synthetic-holder-1')).toBeNull();
        expect(await store.findCardByHolder('synthetic-holder-2')).toEqual({ card: newCard(), identity: newIdentity() });
        expect((await store.findLiveCardByIdIndex('synthetic-id-index-1'))?.card.id).toBe('card-2');
        expect(await store.lastMoveFrom('synthetic-holder-1')).toEqual(moveOf(T0));
        expect(await store.lastMoveFrom('synthetic-holder-2')).toBeNull();
        expect(await store.countMoves('synthetic-id-index-1', after(-HOUR))).toBe(1);
        expect(await store.countMoves('synthetic-id-index-1', T0)).toBe(0);
      });

      it('forgets the person’s moves (ID number index, old account) when the moved card is revoked, not when it moves', async () => {
        await mint(1);
        await store.moveCard({ cardId: 'card-1', expected }, newIdentity(), newCard(), moveOf(T0));
        expect(await store.changeCard('card-2', newCard(), { status: 'revoked', at: after(HOUR) })).toBe(true);
        expect(await store.countMoves('synthetic-id-index-1', after(-HOUR))).toBe(0);
        expect(await store.lastMoveFrom('synthetic-holder-1')).toBeNull();
      });

      it('writes nothing when the old card changed meanwhile, and lets one of 5 concurrent moves win', async () => {
        await mint(1);
        const results = await Promise.allSettled(
          [2, 3, 4, 5, 6].map((n) =>
            store.moveCard(
              { cardId: 'card-1', expected },
              syntheticIdentity(n, { idIndex: 'synthetic-id-index-1' }),
              syntheticCard(n, { holder: `synthetic-holder-${n}` }),
              { ...moveOf(T0), toCardId: `card-${n}` },
            ),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled' && r.value === true)).toHaveLength(1);
        expect(await store.countMoves('synthetic-id-index-1', after(-HOUR))).toBe(1);
      });

      it('writes nothing when the old card was upgraded since: the new card would carry the old level', async () => {
        await mint(1);
        const upgrade = { level: 'colour' as const, keyId: 'test-issuer-key-2', signature: 'colour-signature' };
        expect(await store.changeCard('card-1', expected, { status: 'active', upgrade })).toBe(true);
        expect(await store.moveCard({ cardId: 'card-1', expected }, newIdentity(), newCard(), moveOf(T0))).toBe(false);
        expect((await store.getHeldCard('card-1'))?.card).toEqual(syntheticCard(1, upgrade));
        expect(await store.findCardByHolder('synthetic-holder-2')).toBeNull();
      });

      it('throws CardConflict and writes nothing when the new holder already has a card', async () => {
        await mint(1);
        await mint(3);
        const taken = syntheticCard(2, { holder: 'synthetic-holder-3' });
        await expect(store.moveCard({ cardId: 'card-1', expected }, newIdentity(), taken, moveOf(T0))).rejects.toBeInstanceOf(CardConflict);
        expect((await store.getHeldCard('card-1'))?.card.status).toBe('active');
        expect(await store.lastMoveFrom('synthetic-holder-1')).toBeNull();
      });
    });

    describe('card passwords', () => {
      const limit = { max: 5, lockMs: HOUR };
      beforeEach(() => mint(1));

      it('returns a set password with no tries spent; setting again replaces it and starts the tries again; null for none', async () => {
        expect(await store.getCardPassword('card-1')).toBeNull();
        expect(await store.spendPasswordTry('card-1', T0, limit)).toBeNull();
        expect(await store.setCardPassword('card-1', 'hash-1', T0)).toBe(true);
        expect(await store.getCardPassword('card-1')).toEqual({ cardId: 'card-1', hash: 'hash-1', triesUsed: 0, lastTryAt: null, setAt: T0 });
        await store.spendPasswordTry('card-1', T0, limit);
        expect(await store.setCardPassword('card-1', 'hash-2', after(SECOND))).toBe(true);
        expect(await store.getCardPassword('card-1')).toMatchObject({ hash: 'hash-2', triesUsed: 0, setAt: after(SECOND) });
      });

      it('spends at most `max` of 20 concurrent tries, then answers locked until the lock has passed, then counts from one again', async () => {
        await store.setCardPassword('card-1', 'hash-1', T0);
        const results = await Promise.all(Array.from({ length: 20 }, () => store.spendPasswordTry('card-1', T0, limit)));
        expect(results.filter((r) => r === 'locked')).toHaveLength(15);
        expect(results.filter((r) => r !== 'locked').map((r) => (r as { triesUsed: number }).triesUsed).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await store.spendPasswordTry('card-1', after(HOUR - SECOND), limit)).toBe('locked');
        expect(await store.spendPasswordTry('card-1', after(HOUR + SECOND), limit)).toMatchObject({ triesUsed: 1 });
      });

      it('a reset starts the tries again, also out of a lock', async () => {
        await store.setCardPassword('card-1', 'hash-1', T0);
        for (let i = 0; i < 5; i++) await store.spendPasswordTry('card-1', T0, limit);
        await store.resetPasswordTries('card-1');
        expect(await store.spendPasswordTry('card-1', T0, limit)).toMatchObject({ triesUsed: 1, lastTryAt: T0 });
      });

      it('revoking the card deletes its password', async () => {
        await store.setCardPassword('card-1', 'hash-1', T0);
        await store.changeCard('card-1', decidedOn(syntheticCard(1)), { status: 'revoked', at: after(HOUR) });
        expect(await store.getCardPassword('card-1')).toBeNull();
      });

      it('keeps no password for a revoked card or none, and answers false; a suspended card still takes one', async () => {
        await store.changeCard('card-1', decidedOn(syntheticCard(1)), { status: 'revoked', at: after(HOUR) });
        expect(await store.setCardPassword('card-1', 'hash-1', T0)).toBe(false);
        expect(await store.getCardPassword('card-1')).toBeNull();
        expect(await store.setCardPassword('no-such-card', 'hash-1', T0)).toBe(false);
        expect(await store.getCardPassword('no-such-card')).toBeNull();
        await mint(2);
        await store.changeCard('card-2', decidedOn(syntheticCard(2)), { status: 'suspended' });
        expect(await store.setCardPassword('card-2', 'hash-2', T0)).toBe(true);
      });

      it('a password write racing a revocation never outlives it: on a card with no password yet, and on one with a password', async () => {
        const cards = [2, 3, 4, 5, 6, 7];
        for (const n of cards) await mint(n);
        for (const n of cards.slice(3)) await store.setCardPassword(`card-${n}`, 'hash-old', T0);
        const revoke = (n: number) => store.changeCard(`card-${n}`, decidedOn(syntheticCard(n)), { status: 'revoked', at: after(HOUR) });
        const setPassword = (n: number) => store.setCardPassword(`card-${n}`, 'hash-new', T0);
        // Half start the write first, half the revocation: each is the one to commit first in some run.
        const race = async (n: number) => (n % 2 === 0 ? (await Promise.all([setPassword(n), revoke(n)]))[1] : (await Promise.all([revoke(n), setPassword(n)]))[0]);
        expect(await Promise.all(cards.map(race))).toEqual(cards.map(() => true));
        for (const n of cards) expect(await store.getCardPassword(`card-${n}`)).toBeNull();
      });
    });

    describe('upgrade terminal directory', () => {
      const site = (id: string, city: string) => ({
        id,
        city,
        name: `Synthetic site ${id}`,
        address: 'Synthetic address',
        hours: { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' },
        status: 'open' as const,
        updatedAt: T0,
      });

      it('lists entries as put, by city then id, of one city or all; putting an id again replaces it', async () => {
        await store.putUpgradeSite(site('b', '440100'));
        await store.putUpgradeSite(site('a', '440100'));
        await store.putUpgradeSite(site('c', '110000'));
        expect((await store.listUpgradeSites()).map((s) => s.id)).toEqual(['c', 'a', 'b']);
        expect(await store.listUpgradeSites('440100')).toEqual([site('a', '440100'), site('b', '440100')]);
        await store.putUpgradeSite({ ...site('a', '440100'), status: 'closed', updatedAt: after(HOUR) });
        expect((await store.listUpgradeSites('440100'))[0]).toMatchObject({ id: 'a', status: 'closed', updatedAt: after(HOUR) });
        expect(await store.listUpgradeSites('999999')).toEqual([]);
      });
    });

    describe('one-time use of presentation tokens', () => {
      beforeEach(() => mint(1));

      it('lets exactly one of 100 concurrent claims of one token succeed; 99 throw TokenAlreadyUsed; one usage is listed', async () => {
        const results = await Promise.allSettled(Array.from({ length: 100 }, () => store.recordVerification('token-race', syntheticUsage('card-1'))));
        const { fulfilled, reasons } = fulfilledAndRejected(results);
        expect(fulfilled).toHaveLength(1);
        expect(reasons).toHaveLength(99);
        for (const reason of reasons) expect(reason).toBeInstanceOf(TokenAlreadyUsed);
        expect(await store.listUsages('card-1', { limit: 200 })).toHaveLength(1);
      });

      it('refuses a token used twice in concurrent claims and records it once', async () => {
        const results = await Promise.allSettled([
          store.recordVerification('t1', syntheticUsage('card-1')),
          store.recordVerification('t1', syntheticUsage('card-1')),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(fulfilledAndRejected(results).reasons[0]).toBeInstanceOf(TokenAlreadyUsed);
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
      });

      it('refuses a token spent by an earlier, completed claim', async () => {
        await store.recordVerification('t1', syntheticUsage('card-1'));
        await expect(store.recordVerification('t1', syntheticUsage('card-1'))).rejects.toBeInstanceOf(TokenAlreadyUsed);
      });

      it('writes nothing and leaves the token unspent when the usage cannot be written (unknown card)', async () => {
        const failed = store.recordVerification('t1', syntheticUsage('no-such-card'));
        await expect(failed).rejects.toBeDefined();
        await expect(failed).rejects.not.toBeInstanceOf(TokenAlreadyUsed);
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(0);

        await store.recordVerification('t1', syntheticUsage('card-1')); // t1 was not spent by the failed claim
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
      });

      it('keeps each claim all-or-nothing when a failing claim runs alongside a valid one', async () => {
        const [valid, failing] = await Promise.allSettled([
          store.recordVerification('t1', syntheticUsage('card-1')),
          store.recordVerification('t2', syntheticUsage('no-such-card')),
        ]);
        expect(failing.status).toBe('rejected');
        // The valid claim may succeed or fail with its neighbour, but never half-way.
        const recorded = valid.status === 'fulfilled' ? 1 : 0;
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(recorded);
        if (recorded) await expect(store.recordVerification('t1', syntheticUsage('card-1'))).rejects.toBeInstanceOf(TokenAlreadyUsed);
        else await store.recordVerification('t1', syntheticUsage('card-1'));
        await store.recordVerification('t2', syntheticUsage('card-1')); // t2 was not spent by its failed claim
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(2);
      });
    });

    describe('a use is recorded only on a card still active (security review: a code verified after reportLost returned)', () => {
      const active = decidedOn(syntheticCard(1));
      beforeEach(() => mint(1));

      it('refuses a claim once the card is reported lost: CardChanged names the card as found, nothing is written, the token stays unspent', async () => {
        expect(await store.changeCard('card-1', active, { status: 'suspended' })).toBe(true);
        const refused = await refusalOf(store.recordVerification('t1', syntheticUsage('card-1')));
        expect(refused).toBeInstanceOf(CardChanged);
        expect(refused).toMatchObject({ found: { status: 'suspended', level: 'basic', expiresAt: syntheticCard(1).expiresAt } });
        expect(await store.listUsages('card-1', { limit: 10 })).toEqual([]);
        expect(await store.usageChainHeads()).toEqual(new Map());

        expect(await store.changeCard('card-1', { ...active, status: 'suspended' }, { status: 'active' })).toBe(true);
        await store.recordVerification('t1', syntheticUsage('card-1')); // t1 was not spent by the refused claim
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
      });

      it('refuses a claim on a revoked card, and one at or after the card’s expiry, writing nothing', async () => {
        await store.mintCard(syntheticIdentity(2), syntheticCard(2, { expiresAt: after(HOUR) }));
        await store.recordVerification('t2', syntheticUsage('card-2', { at: after(HOUR - SECOND) }));
        expect(await refusalOf(store.recordVerification('t3', syntheticUsage('card-2', { at: after(HOUR) })))).toMatchObject({
          found: { status: 'active', expiresAt: after(HOUR) },
        });
        expect(await store.listUsages('card-2', { limit: 10 })).toHaveLength(1);

        expect(await store.changeCard('card-1', active, { status: 'revoked', at: after(HOUR) })).toBe(true);
        const refused = await refusalOf(store.recordVerification('t1', syntheticUsage('card-1')));
        expect(refused).toBeInstanceOf(CardChanged);
        expect(refused).toMatchObject({ found: { status: 'revoked' } });
        expect(await store.listUsages('card-1', { limit: 10 })).toEqual([]);
      });

      it('keeps every claim whole when a report races 20 of them: each is recorded or refused with CardChanged, and none after the report', async () => {
        const claims = Array.from({ length: 20 }, (_, i) => store.recordVerification(`token-${i}`, syntheticUsage('card-1')));
        const report = store.changeCard('card-1', active, { status: 'suspended' });
        const results = await Promise.allSettled(claims);
        expect(await report).toBe(true);
        const { fulfilled, reasons } = fulfilledAndRejected(results);
        for (const reason of reasons) expect(reason).toBeInstanceOf(CardChanged);
        expect(await store.listUsages('card-1', { limit: 50 })).toHaveLength(fulfilled.length);
        expect(await refusalOf(store.recordVerification('token-after', syntheticUsage('card-1')))).toBeInstanceOf(CardChanged);
      });
    });

    describe('an upgrade recorded with its use (security review: an upgrade refused after its usage was recorded)', () => {
      const upgradeUsage = syntheticUsage('card-1', { scene: 'upgrade', attributes: [] });
      const change = { level: 'colour' as const, keyId: 'test-issuer-key-2', signature: 'colour-signature' };
      beforeEach(() => mint(1));

      it('raises the level with its key id and signature in the same step as the token and the usage, and keeps the validity', async () => {
        await store.recordVerification('t1', upgradeUsage, { expected: syntheticCard(1), change });
        expect((await store.getHeldCard('card-1'))?.card).toEqual(syntheticCard(1, change));
        expect((await store.listUsages('card-1', { limit: 10 })).map((u) => u.scene)).toEqual(['upgrade']);
        await expect(store.recordVerification('t1', syntheticUsage('card-1'))).rejects.toBeInstanceOf(TokenAlreadyUsed);
      });

      it('writes neither the upgrade nor its usage, and leaves the token unspent, when the card is no longer the one the upgrade was signed on', async () => {
        const renewed = { expiresAt: new Date('2041-11-28T08:00:00Z') };
        const refusals = [
          await refusalOf(store.recordVerification('t1', upgradeUsage, { expected: syntheticCard(1, { level: 'colour' }), change })),
          await refusalOf(store.recordVerification('t1', upgradeUsage, { expected: syntheticCard(1, renewed), change })),
        ];
        expect(await store.changeCard('card-1', syntheticCard(1), { status: 'suspended' })).toBe(true);
        refusals.push(await refusalOf(store.recordVerification('t1', upgradeUsage, { expected: syntheticCard(1), change })));
        for (const refused of refusals) expect(refused).toBeInstanceOf(CardChanged);
        expect(refusals.map((r) => (r as CardChanged).found.status)).toEqual(['active', 'active', 'suspended']);
        expect((await store.getHeldCard('card-1'))?.card).toEqual(syntheticCard(1, { status: 'suspended' }));
        expect(await store.listUsages('card-1', { limit: 10 })).toEqual([]);

        expect(await store.changeCard('card-1', syntheticCard(1, { status: 'suspended' }), { status: 'active' })).toBe(true);
        await store.recordVerification('t1', upgradeUsage, { expected: syntheticCard(1), change }); // t1 was not spent by the refusals
        expect((await store.getHeldCard('card-1'))?.card.level).toBe('colour');
      });

      it('of two upgrades decided on the same basic card with two tokens, one writes; the other is refused and leaves no usage', async () => {
        const results = await Promise.allSettled(
          ['t1', 't2'].map((token) => store.recordVerification(token, upgradeUsage, { expected: syntheticCard(1), change })),
        );
        const { fulfilled, reasons } = fulfilledAndRejected(results);
        expect(fulfilled).toHaveLength(1);
        expect(reasons).toHaveLength(1);
        expect(reasons[0]).toBeInstanceOf(CardChanged);
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(1);
      });
    });

    describe('usage chains and audit checkpoints', () => {
      it('walks every usage by card then id, each chained to the one before it, and names each card’s newest hash as its head', async () => {
        await mint(1);
        await mint(2);
        await mint(3);
        for (let i = 0; i < 7; i++) await store.recordVerification(`token-${i}`, syntheticUsage(i % 2 ? 'card-2' : 'card-1', { at: after(i * MINUTE) }));
        const walked: ChainedUsage[] = [];
        for await (const usage of store.chainedUsages()) walked.push(usage);

        expect(walked.map((u) => u.cardId)).toEqual(['card-1', 'card-1', 'card-1', 'card-1', 'card-2', 'card-2', 'card-2']);
        expect(walked.map((u) => u.at.getTime())).toEqual([0, 2, 4, 6, 1, 3, 5].map((i) => after(i * MINUTE).getTime()));
        expect(walked[0]!.prevHash).toBe(GENESIS_HASH);
        expect(walked[1]!.prevHash).toBe(walked[0]!.hash);
        expect(walked[4]!.prevHash).toBe(GENESIS_HASH);
        expect(firstBreaks(walked)).toEqual([]);
        expect(await store.usageChainHeads()).toEqual(new Map([['card-1', walked[3]!.hash], ['card-2', walked[6]!.hash]]));
      });

      /** Every usage the store walks, by card then id. */
      const walk = async () => {
        const walked: ChainedUsage[] = [];
        for await (const usage of store.chainedUsages()) walked.push(usage);
        return walked;
      };
      const visits = [
        { terminalId: 'terminal-hotel-7', organisation: 'Synthetic Test Hotel', scene: 'hotel', attributes: ['fullName', 'maskedIdNumber'] },
        { terminalId: 'terminal-cafe-3', organisation: 'Synthetic Test Cafe', scene: 'internet_cafe', attributes: ['adult'] },
        { terminalId: 'terminal-bar-9', organisation: 'Synthetic Test Bar', scene: 'age_check', attributes: ['over18'] },
      ] as const;
      /** Card 1 visits each place, card 2 the hotel twice, interleaved, a minute apart. */
      const recordVisits = async () => {
        await mint(1);
        await mint(2);
        for (let i = 0; i < visits.length; i++) {
          const visit = { ...visits[i]!, attributes: [...visits[i]!.attributes] };
          await store.recordVerification(`token-1-${i}`, syntheticUsage('card-1', { ...visit, at: after(2 * i * MINUTE) }));
          if (i < 2) await store.recordVerification(`token-2-${i}`, syntheticUsage('card-2', { ...visits[0], attributes: ['fullName'], at: after((2 * i + 1) * MINUTE) }));
        }
      };
      /** What a redacted usage of card 1 must no longer hold: any place, scene, attribute, nonce or time it was recorded with. */
      const expectRedacted = (usage: ChainedUsage, before: ChainedUsage, revokedAt: Date) => {
        expect(usage).toMatchObject({ id: before.id, cardId: 'card-1', redacted: true, nonce: null, prevHash: before.prevHash, hash: before.hash, contentDigest: before.contentDigest });
        expect(usage.at).toEqual(revokedAt);
        const kept = JSON.stringify(usage);
        for (const visit of visits) {
          for (const detail of [visit.terminalId, visit.organisation, visit.scene, ...visit.attributes]) expect(kept).not.toContain(detail);
        }
        expect(kept).not.toContain(before.nonce!);
        expect(usage.attributes).toEqual([]);
      };

      it('revoking redacts the card’s usages: as many as before, none holding a place, scene, attribute, nonce or its time, and the chain still verifies', async () => {
        await recordVisits();
        const before = await walk();
        const card1Before = before.filter((u) => u.cardId === 'card-1');
        expect(card1Before.map((u) => u.redacted)).toEqual([false, false, false]);
        expect(card1Before.every((u) => u.nonce !== null && u.contentDigest !== null)).toBe(true);
        const revokedAt = after(30 * 24 * HOUR);

        expect(await store.changeCard('card-1', decidedOn(syntheticCard(1)), { status: 'revoked', at: revokedAt })).toBe(true);
        const walked = await walk();
        const card1 = walked.filter((u) => u.cardId === 'card-1');
        expect(card1).toHaveLength(3);
        card1.forEach((usage, i) => expectRedacted(usage, card1Before[i]!, revokedAt));
        expect(await store.listUsages('card-1', { limit: 10 })).toHaveLength(3);
        expect(await store.revokedCardIds()).toEqual(new Set(['card-1']));
        expect(firstBreaks(walked, await store.usageChainHeads(), await store.revokedCardIds())).toEqual([]);
        // The card not revoked keeps every usage exactly as it was.
        expect(walked.filter((u) => u.cardId === 'card-2')).toEqual(before.filter((u) => u.cardId === 'card-2'));
        // Its entries redacted by hand, as the revocation would, is what audit:verify names: only revocation erases details.
        const card2 = walked.filter((u) => u.cardId === 'card-2');
        const erased = walked.map((u): ChainedUsage => (u.cardId === 'card-2' ? { ...u, ...REDACTED_DETAILS, scene: REDACTED_DETAILS.scene as ChainedUsage['scene'], attributes: [], nonce: null, redacted: true } : u));
        expect(firstBreaks(erased, await store.usageChainHeads(), await store.revokedCardIds())).toEqual([{ usageId: card2[0]!.id, cardId: 'card-2', why: 'redacted' }]);

        // A redacted entry's digest still binds it: changed, it is the first broken entry.
        const forged = walked.map((u) => (u.id === card1[1]!.id && u.cardId === 'card-1' ? { ...u, contentDigest: 'f'.repeat(64) } : u));
        expect(firstBreaks(forged)).toEqual([{ usageId: card1[1]!.id, cardId: 'card-1', why: 'content' }]);
        // Nor can its digest be cleared, to pass it off as an old (v1) entry that is checked by its link alone.
        const passedOff = walked.map((u) => (u.id === card1[1]!.id && u.cardId === 'card-1' ? { ...u, contentDigest: null } : u));
        expect(firstBreaks(passedOff)).toEqual([{ usageId: card1[1]!.id, cardId: 'card-1', why: 'content' }]);
      });

      it('a move redacts the old card’s usages at the move’s time, and the new card starts its own chain', async () => {
        await recordVisits();
        const before = (await walk()).filter((u) => u.cardId === 'card-1');
        const at = after(2 * HOUR);
        const move = { fromCardId: 'card-1', fromHolder: 'synthetic-holder-1', toCardId: 'card-3', idIndex: 'synthetic-id-index-1', at };
        const moved = await store.moveCard({ cardId: 'card-1', expected: decidedOn(syntheticCard(1)) }, syntheticIdentity(3, { idIndex: 'synthetic-id-index-1' }), syntheticCard(3), move);
        expect(moved).toBe(true);
        await store.recordVerification('token-3-0', syntheticUsage('card-3', { at: after(3 * HOUR) }));
        const walked = await walk();
        walked.filter((u) => u.cardId === 'card-1').forEach((usage, i) => expectRedacted(usage, before[i]!, at));
        expect(walked.filter((u) => u.cardId === 'card-3')).toMatchObject([{ prevHash: GENESIS_HASH, redacted: false, terminalId: 'terminal-1' }]);
        expect(firstBreaks(walked, await store.usageChainHeads())).toEqual([]);
      });

      it('keeps checkpoints as written, oldest first', async () => {
        expect(await store.listAuditCheckpoints()).toEqual([]);
        const first = { at: T0, token: 'token-1', heads: { 'card-1': 'a'.repeat(64) } };
        const second = { at: after(HOUR), token: 'token-2', heads: { 'card-1': 'b'.repeat(64), 'card-2': 'c'.repeat(64) } };
        await store.addAuditCheckpoint(first);
        await store.addAuditCheckpoint(second);
        expect(await store.listAuditCheckpoints()).toEqual([first, second]);
      });
    });

    describe('usage history', () => {
      beforeEach(async () => {
        await mint(1);
        await mint(2);
      });

      it('returns a recorded usage with every field as written and a numeric id', async () => {
        const usage = syntheticUsage('card-1', { terminalId: 'terminal-7', organisation: 'Synthetic Test Cafe', scene: 'internet_cafe', attributes: ['fullName', 'maskedIdNumber', 'adult'] });
        await store.recordVerification('t1', usage);
        const [listed] = await store.listUsages('card-1', { limit: 10 });
        expect(listed).toEqual({ ...usage, id: expect.any(Number) });
      });

      it('pages one card’s usages newest first with a `before` cursor and `limit`, with no overlap or gap, ignoring other cards', async () => {
        for (let i = 0; i < 10; i++) {
          const cardId = i % 3 === 2 ? 'card-2' : 'card-1'; // card-1 gets 7, card-2 gets 3, interleaved
          await store.recordVerification(`token-${i}`, syntheticUsage(cardId, { at: after(i * MINUTE) }));
        }
        const all = await store.listUsages('card-1', { limit: 100 });
        expect(all).toHaveLength(7);
        expect(all.every((u) => u.cardId === 'card-1')).toBe(true);
        const times = all.map((u) => u.at.getTime());
        expect(times).toEqual([...times].sort((a, b) => b - a));

        const pages = [await store.listUsages('card-1', { limit: 3 })];
        while (pages[pages.length - 1].length > 0) {
          const previous = pages[pages.length - 1];
          pages.push(await store.listUsages('card-1', { before: previous[previous.length - 1].id, limit: 3 }));
        }
        expect(pages.map((p) => p.length)).toEqual([3, 3, 1, 0]);
        expect(pages.flat()).toEqual(all);
        expect(await store.listUsages('card-2', { limit: 100 })).toHaveLength(3);
      });
    });

    describe('face sessions', () => {
      const holder = 'synthetic-holder-1';
      const during = after(1 * MINUTE);

      it('spends one attempt and returns the session as written, with attemptsUsed counted', async () => {
        const session = syntheticFaceSession('face-1', holder);
        await openSession(session);
        expect(await store.spendFaceAttempt('face-1', holder, during, 3)).toEqual({ ...session, attemptsUsed: 1 });
      });

      it('spends at most maxAttempts attempts under 10 concurrent calls', async () => {
        await openSession(syntheticFaceSession('face-1', holder));
        const spent = await Promise.all(Array.from({ length: 10 }, () => store.spendFaceAttempt('face-1', holder, during, 3)));
        const granted = spent.filter((s) => s !== null);
        expect(granted.map((s) => s!.attemptsUsed).sort((a, b) => a - b)).toEqual([1, 2, 3]);
        expect(await store.spendFaceAttempt('face-1', holder, during, 3)).toBeNull();
      });

      it('refuses a session at or after its expiry', async () => {
        await openSession(syntheticFaceSession('face-1', holder, { expiresAt: after(5 * MINUTE) }));
        expect(await store.spendFaceAttempt('face-1', holder, after(5 * MINUTE), 3)).toBeNull();
        expect(await store.spendFaceAttempt('face-1', holder, after(6 * MINUTE), 3)).toBeNull();
        expect(await store.spendFaceAttempt('face-1', holder, after(5 * MINUTE - 1), 3)).not.toBeNull();
      });

      it('refuses another holder’s session without spending its attempts, and an unknown session', async () => {
        await openSession(syntheticFaceSession('face-1', holder));
        expect(await store.spendFaceAttempt('face-1', 'synthetic-holder-other', during, 1)).toBeNull();
        expect(await store.spendFaceAttempt('no-such-session', holder, during, 1)).toBeNull();
        expect((await store.spendFaceAttempt('face-1', holder, during, 1))?.attemptsUsed).toBe(1);
      });

      it('refuses a session whose face check already passed', async () => {
        await openSession(syntheticFaceSession('face-1', holder));
        await store.markFacePassed('face-1', during);
        expect(await store.spendFaceAttempt('face-1', holder, during, 3)).toBeNull();
      });

      it('reports the latest face pass of a holder across sessions, and null before any', async () => {
        expect(await store.lastFacePassedAt(holder)).toBeNull();
        await openSession(syntheticFaceSession('face-1', holder));
        await openSession(syntheticFaceSession('face-2', holder, { createdAt: after(1 * MINUTE) }));
        await openSession(syntheticFaceSession('face-3', 'synthetic-holder-other'));
        await store.markFacePassed('face-2', after(3 * MINUTE));
        await store.markFacePassed('face-1', after(2 * MINUTE)); // marked later, but passed earlier
        await store.markFacePassed('face-3', after(4 * MINUTE));
        expect(await store.lastFacePassedAt(holder)).toEqual(after(3 * MINUTE));
      });

      it('keeps at most one open session per holder: opening one closes the holder’s other open sessions, but not passed ones or other holders’', async () => {
        await openSession(syntheticFaceSession('face-passed', holder));
        await store.markFacePassed('face-passed', after(10 * SECOND));
        await openSession(syntheticFaceSession('face-old', holder, { createdAt: after(20 * SECOND) }));
        await openSession(syntheticFaceSession('face-other', 'synthetic-holder-other', { createdAt: after(20 * SECOND) }));
        expect(await openSession(syntheticFaceSession('face-new', holder, { createdAt: after(30 * SECOND) }))).toBe(true);

        expect(await store.spendFaceAttempt('face-old', holder, after(40 * SECOND), 3)).toBeNull();
        expect(await store.spendFaceAttempt('face-new', holder, after(40 * SECOND), 3)).not.toBeNull();
        expect(await store.spendFaceAttempt('face-other', 'synthetic-holder-other', after(40 * SECOND), 3)).not.toBeNull();
        expect(await store.lastFacePassedAt(holder)).toEqual(after(10 * SECOND));
      });

      it('refuses to open a session past `max` sessions created after `since`, counting closed ones, and writes nothing then', async () => {
        const limit = { since: T0, max: 2 };
        expect(await store.openFaceSession(syntheticFaceSession('face-0', holder, { createdAt: T0 }), limit)).toBe(true); // not after `since`
        expect(await store.openFaceSession(syntheticFaceSession('face-1', holder, { createdAt: after(1 * SECOND) }), limit)).toBe(true);
        expect(await store.openFaceSession(syntheticFaceSession('face-2', holder, { createdAt: after(2 * SECOND) }), limit)).toBe(true);
        expect(await store.openFaceSession(syntheticFaceSession('face-3', holder, { createdAt: after(3 * SECOND) }), limit)).toBe(false);
        expect(await store.spendFaceAttempt('face-3', holder, after(4 * SECOND), 3)).toBeNull();
        expect(await store.spendFaceAttempt('face-2', holder, after(4 * SECOND), 3)).not.toBeNull(); // the refused open closed nothing
        expect(await store.openFaceSession(syntheticFaceSession('face-4', 'synthetic-holder-other', { createdAt: after(3 * SECOND) }), limit)).toBe(true);
      });

      it('opens at most `max` of 50 concurrent sessions for one holder, and leaves exactly one of them open', async () => {
        const ids = Array.from({ length: 50 }, (_, i) => `face-race-${i}`);
        const opened = await Promise.all(
          ids.map((id, i) => store.openFaceSession(syntheticFaceSession(id, holder, { createdAt: after(i) }), { since: after(-HOUR), max: 10 })),
        );
        expect(opened.filter(Boolean)).toHaveLength(10);
        const spendable = await Promise.all(ids.map((id) => store.spendFaceAttempt(id, holder, after(1 * MINUTE), 3)));
        expect(spendable.filter((s) => s !== null)).toHaveLength(1);
      });
    });

    describe('failure counting', () => {
      it('counts each recorded failure under every key it was recorded for, and only there', async () => {
        await store.recordFailure(['holder:synthetic-1', 'id-index:synthetic-1'], after(1 * SECOND));
        await store.recordFailure(['holder:synthetic-1'], after(2 * SECOND));
        expect(await store.countFailures('holder:synthetic-1', T0)).toBe(2);
        expect(await store.countFailures('id-index:synthetic-1', T0)).toBe(1);
        expect(await store.countFailures('holder:synthetic-2', T0)).toBe(0);
      });

      it('counts a key listed twice in one recording twice (a failure can weigh more than one)', async () => {
        await store.recordFailure(['holder:synthetic-1', 'holder:synthetic-1', 'id-index:synthetic-1'], after(1 * SECOND));
        expect(await store.countFailures('holder:synthetic-1', T0)).toBe(2);
        expect(await store.countFailures('id-index:synthetic-1', T0)).toBe(1);
      });

      it('forgets every failure of one key, and only of that key', async () => {
        await store.recordFailure(['id:synthetic-index-1', 'holder:synthetic-1'], after(1 * MINUTE));
        await store.recordFailure(['id:synthetic-index-1'], after(2 * MINUTE));
        await store.forgetFailures('id:synthetic-index-1');
        expect(await store.countFailures('id:synthetic-index-1', T0)).toBe(0);
        expect(await store.countFailures('holder:synthetic-1', T0)).toBe(1);
        await store.forgetFailures('id:never-counted');
      });

      it('counts only failures strictly after `since`', async () => {
        await store.recordFailure(['holder:synthetic-1'], after(1 * MINUTE));
        await store.recordFailure(['holder:synthetic-1'], after(2 * MINUTE));
        expect(await store.countFailures('holder:synthetic-1', after(1 * MINUTE - 1))).toBe(2);
        expect(await store.countFailures('holder:synthetic-1', after(1 * MINUTE))).toBe(1);
        expect(await store.countFailures('holder:synthetic-1', after(2 * MINUTE))).toBe(0);
      });
    });

    describe('pruning', () => {
      const cutoffs = (at: Date) => ({ faceSessionsBefore: at, failuresBefore: at, spentTokensBefore: at, terminalProofsBefore: at });

      it('removes a face session only once its creation, expiry and pass are all before the cutoff', async () => {
        await openSession(syntheticFaceSession('face-expired', 'synthetic-holder-a', { expiresAt: after(2 * MINUTE) }));
        await openSession(syntheticFaceSession('face-open', 'synthetic-holder-b', { expiresAt: after(20 * MINUTE) }));
        await openSession(syntheticFaceSession('face-passed-late', 'synthetic-holder-c', { expiresAt: after(2 * MINUTE) }));
        await store.markFacePassed('face-passed-late', after(11 * MINUTE)); // its pass alone keeps it
        await openSession(syntheticFaceSession('face-young', 'synthetic-holder-d', { createdAt: after(10 * MINUTE), expiresAt: after(10 * MINUTE) }));

        const removed = await store.prune(cutoffs(after(10 * MINUTE)));
        expect(removed.faceSessions).toBe(1);
        expect(await store.lastFacePassedAt('synthetic-holder-c')).toEqual(after(11 * MINUTE));
        expect(await store.spendFaceAttempt('face-open', 'synthetic-holder-b', after(10 * MINUTE), 3)).not.toBeNull();
        // The young session still counts towards its holder's starts.
        expect(await store.openFaceSession(syntheticFaceSession('face-d2', 'synthetic-holder-d', { createdAt: after(11 * MINUTE) }), { since: T0, max: 1 })).toBe(false);
      });

      it('removes failures recorded before the cutoff and nothing a later count needs', async () => {
        await store.recordFailure(['holder:synthetic-1', 'id-index:synthetic-1'], after(1 * MINUTE));
        await store.recordFailure(['holder:synthetic-1'], after(5 * MINUTE));
        await store.recordFailure(['holder:synthetic-1'], after(9 * MINUTE));
        expect((await store.prune(cutoffs(after(5 * MINUTE)))).failures).toBe(2);
        expect(await store.countFailures('holder:synthetic-1', after(5 * MINUTE - 1))).toBe(2);
        expect(await store.countFailures('id-index:synthetic-1', T0)).toBe(0);
      });

      it('pruning never removes anything still needed for one-time use or usages', async () => {
        await mint(1);
        for (let i = 0; i < 6; i++) await store.recordVerification(`token-${i}`, syntheticUsage('card-1', { at: after(i * MINUTE) }));
        const usagesBefore = await store.listUsages('card-1', { limit: 50 });

        const removed = await store.prune(cutoffs(after(3 * MINUTE)));
        expect(removed.spentTokens).toBe(3);
        // Every token used at or after the cutoff is still spent; every usage is still listed, unchanged.
        for (let i = 3; i < 6; i++) await expect(store.recordVerification(`token-${i}`, syntheticUsage('card-1'))).rejects.toBeInstanceOf(TokenAlreadyUsed);
        expect(await store.listUsages('card-1', { limit: 50 })).toEqual(usagesBefore);
        expect(await store.getHeldCard('card-1')).not.toBeNull();
      });

      it('removes spent terminal proofs kept until before the cutoff, and keeps a later one spent', async () => {
        expect(await store.spendTerminalProof('terminal-1', 'proof-early', after(2 * MINUTE))).toBe(true);
        expect(await store.spendTerminalProof('terminal-1', 'proof-late', after(10 * MINUTE))).toBe(true);
        expect((await store.prune(cutoffs(after(5 * MINUTE)))).terminalProofs).toBe(1);
        expect(await store.spendTerminalProof('terminal-1', 'proof-late', after(10 * MINUTE))).toBe(false);
      });

      it('prunes nothing from an empty store', async () => {
        expect(await store.prune(cutoffs(after(HOUR)))).toEqual({ faceSessions: 0, failures: 0, spentTokens: 0, terminalProofs: 0 });
      });
    });

    describe('once-only terminal proofs', () => {
      it('spends a proof once per terminal: of concurrent spends exactly one wins; another terminal’s proof of the same id is its own', async () => {
        const spends = await Promise.all(Array.from({ length: 5 }, () => store.spendTerminalProof('terminal-1', 'proof-a', after(5 * MINUTE))));
        expect(spends.filter(Boolean)).toHaveLength(1);
        expect(await store.spendTerminalProof('terminal-1', 'proof-a', after(5 * MINUTE))).toBe(false);
        expect(await store.spendTerminalProof('terminal-2', 'proof-a', after(5 * MINUTE))).toBe(true);
        expect(await store.spendTerminalProof('terminal-1', 'proof-b', after(5 * MINUTE))).toBe(true);
      });
    });

    describe('terminals', () => {
      it('returns an inserted terminal with every field as written, and null for an unknown id', async () => {
        const enabled = syntheticTerminal('terminal-1');
        const disabled = syntheticTerminal('terminal-2', { organisation: 'Synthetic Test Station', city: 'Other Synthetic City', scenes: ['transport'], enabled: false, createdAt: after(MINUTE) });
        await store.insertTerminal(enabled);
        await store.insertTerminal(disabled);
        expect(await store.getTerminal('terminal-1')).toEqual(enabled);
        expect(await store.getTerminal('terminal-2')).toEqual(disabled);
        expect(await store.getTerminal('no-such-terminal')).toBeNull();
      });

      it('switches a terminal off and on, and answers false for an unknown terminal', async () => {
        await store.insertTerminal(syntheticTerminal('terminal-1'));
        expect(await store.setTerminalEnabled('terminal-1', false)).toBe(true);
        expect((await store.getTerminal('terminal-1'))?.enabled).toBe(false);
        expect(await store.setTerminalEnabled('terminal-1', true)).toBe(true);
        expect((await store.getTerminal('terminal-1'))?.enabled).toBe(true);
        expect(await store.setTerminalEnabled('no-such-terminal', false)).toBe(false);
        expect(await store.getTerminal('no-such-terminal')).toBeNull();
      });
    });
  });
}
