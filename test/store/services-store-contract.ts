/**
 * The services store contract: every guarantee the services use cases rely
 * on, stated once, written only against the ServicesStore port, and run on
 * every adapter. An adapter's test file calls describeServicesStoreContract
 * with a way to open a fresh, empty store; races are real concurrent calls.
 */
import { FORGOTTEN_EXCHANGE, PartnerConflict, type ServicesStore } from '../../server/domain/services-store';
import type { Store } from '../../server/domain/store';
import { HOUR, MINUTE, T0, after, syntheticCard, syntheticIdentity } from './synthetic-records';
import {
  syntheticAuthCode,
  syntheticExchange,
  syntheticGrant,
  syntheticPartner,
  syntheticTile,
  syntheticVersion,
} from './synthetic-services-records';

export interface OpenedServicesStore {
  store: ServicesStore;
  /** The Store on the same database, which holds the cards a redemption checks (as the emulator and the deployed functions pair them). */
  cards: Store;
  /** Closes the store and throws away everything it wrote. */
  close(): Promise<void>;
}

const count = <T>(values: T[], value: T) => values.filter((v) => v === value).length;

export function describeServicesStoreContract(adapterName: string, open: () => Promise<OpenedServicesStore>): void {
  describe(`ServicesStore contract: ${adapterName}`, () => {
    let opened: OpenedServicesStore;
    let store: ServicesStore;
    let cards: Store;
    beforeEach(async () => {
      opened = await open();
      ({ store, cards } = opened);
    });
    afterEach(() => opened.close());

    /** A partner with one approved, serving tile (`tile-1`), an active card (`card-1`), its grant (`grant-1`) and a code (`code-1`). */
    async function servingTileWithCode() {
      await cards.mintCard(syntheticIdentity(1), syntheticCard(1));
      await store.insertPartner(syntheticPartner(1));
      await store.insertTile(syntheticTile(1, 'partner-1', { servingVersion: 1, versions: [syntheticVersion(1, { status: 'approved', decidedAt: T0 })] }));
      await store.insertGrant(syntheticGrant(1));
      await store.insertAuthCode(syntheticAuthCode(1));
    }

    describe('partners', () => {
      it('returns partners as written, oldest first; a second partner with one credit code conflicts and writes nothing', async () => {
        await store.insertPartner(syntheticPartner(1));
        await store.insertPartner(syntheticPartner(2, { createdAt: after(MINUTE) }));
        expect(await store.getPartner('partner-1')).toEqual(syntheticPartner(1));
        expect(await store.getPartner('nobody')).toBeNull();
        await expect(store.insertPartner(syntheticPartner(3, { creditCode: 'synthetic-credit-code-1' }))).rejects.toBeInstanceOf(PartnerConflict);
        expect((await store.listPartners()).map((p) => p.id)).toEqual(['partner-1', 'partner-2']);
      });

      it('changes a partner’s status, and says when there is no such partner', async () => {
        await store.insertPartner(syntheticPartner(1));
        expect(await store.setPartnerStatus('partner-1', 'suspended')).toBe(true);
        expect((await store.getPartner('partner-1'))?.status).toBe('suspended');
        expect(await store.setPartnerStatus('nobody', 'suspended')).toBe(false);
      });
    });

    describe('partner assertion ids', () => {
      it('lets exactly one of 20 concurrent spends of one (partner, jti) succeed; another partner’s same jti is its own', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => store.spendPartnerAssertion('partner-1', 'jti-1', after(MINUTE))));
        expect(count(results, true)).toBe(1);
        expect(await store.spendPartnerAssertion('partner-2', 'jti-1', after(MINUTE))).toBe(true);
      });

      it('forgets only ids kept until before the cutoff', async () => {
        await store.spendPartnerAssertion('partner-1', 'old', after(MINUTE));
        await store.spendPartnerAssertion('partner-1', 'new', after(3 * MINUTE));
        expect(await store.prune({ assertionsBefore: after(2 * MINUTE), codesBefore: T0 })).toEqual({ partnerAssertions: 1, authCodes: 0 });
        expect(await store.spendPartnerAssertion('partner-1', 'new', after(3 * MINUTE))).toBe(false);
      });
    });

    describe('tiles and their versions', () => {
      beforeEach(() => store.insertPartner(syntheticPartner(1)));

      it('returns a tile with its versions as written; lists all tiles or one partner’s', async () => {
        await store.insertPartner(syntheticPartner(2));
        await store.insertTile(syntheticTile(1, 'partner-1'));
        await store.insertTile(syntheticTile(2, 'partner-2', { createdAt: after(MINUTE) }));
        expect(await store.getTile('tile-1')).toEqual(syntheticTile(1, 'partner-1'));
        expect(await store.getTile('nothing')).toBeNull();
        expect((await store.listTiles()).map((t) => t.id)).toEqual(['tile-1', 'tile-2']);
        expect((await store.listTiles({ partnerId: 'partner-2' })).map((t) => t.id)).toEqual(['tile-2']);
      });

      it('serves only approved, unsuspended tiles of active partners, with the serving version’s manifest', async () => {
        await store.insertPartner(syntheticPartner(2));
        await store.insertTile(syntheticTile('pending', 'partner-1'));
        await store.insertTile(syntheticTile('serving', 'partner-1', { servingVersion: 1, versions: [syntheticVersion(1, { status: 'approved' })] }));
        await store.insertTile(syntheticTile('suspended', 'partner-1', { suspended: true, servingVersion: 1, versions: [syntheticVersion(1, { status: 'approved' })] }));
        await store.insertTile(syntheticTile('of-suspended-partner', 'partner-2', { servingVersion: 1, versions: [syntheticVersion(1, { status: 'approved' })] }));
        await store.setPartnerStatus('partner-2', 'suspended');
        const serving = await store.listServingTiles();
        expect(serving.map((s) => [s.tile.id, s.manifest.title.en, s.partner.id])).toEqual([['tile-serving', 'Synthetic tile v1', 'partner-1']]);
      });

      it('adds the next version only over the expected latest: of 10 concurrent submissions one wins, the rest write nothing', async () => {
        await store.insertTile(syntheticTile(1, 'partner-1'));
        const results = await Promise.all(Array.from({ length: 10 }, () => store.addTileVersion('tile-1', syntheticVersion(2), 1, false)));
        expect(count(results, true)).toBe(1);
        const tile = await store.getTile('tile-1');
        expect(tile?.versions.map((v) => [v.version, v.status])).toEqual([
          [1, 'superseded'],
          [2, 'pending'],
        ]);
      });

      it('keeps the serving version while a new one waits; serves at once when told to, superseding the old', async () => {
        await store.insertTile(syntheticTile(1, 'partner-1', { servingVersion: 1, versions: [syntheticVersion(1, { status: 'approved' })] }));
        await store.addTileVersion('tile-1', syntheticVersion(2), 1, false);
        expect((await store.getTile('tile-1'))?.servingVersion).toBe(1);
        await store.addTileVersion('tile-1', syntheticVersion(3, { status: 'approved', decidedAt: after(MINUTE) }), 2, true);
        const tile = await store.getTile('tile-1');
        expect(tile?.servingVersion).toBe(3);
        expect(tile?.versions.map((v) => v.status)).toEqual(['superseded', 'superseded', 'approved']);
      });

      it('decides a pending version once: approval serves it and supersedes the old; rejection keeps the old serving with its reason', async () => {
        await store.insertTile(syntheticTile(1, 'partner-1', { servingVersion: 1, versions: [syntheticVersion(1, { status: 'approved' })] }));
        await store.addTileVersion('tile-1', syntheticVersion(2), 1, false);
        expect(await store.decideTileVersion('tile-1', 2, { status: 'rejected', reason: 'too vague', at: after(MINUTE) })).toBe(true);
        let tile = await store.getTile('tile-1');
        expect(tile?.servingVersion).toBe(1);
        expect(tile?.versions[1]).toMatchObject({ status: 'rejected', reason: 'too vague', decidedAt: after(MINUTE) });
        expect(await store.decideTileVersion('tile-1', 2, { status: 'approved', reason: null, at: after(MINUTE) })).toBe(false);
        expect(await store.decideTileVersion('tile-1', 1, { status: 'approved', reason: null, at: after(MINUTE) })).toBe(false);

        await store.addTileVersion('tile-1', syntheticVersion(3), 2, false);
        const decisions = await Promise.all([
          store.decideTileVersion('tile-1', 3, { status: 'approved', reason: null, at: after(2 * MINUTE) }),
          store.decideTileVersion('tile-1', 3, { status: 'rejected', reason: 'no', at: after(2 * MINUTE) }),
        ]);
        expect(count(decisions, true)).toBe(1);
        tile = await store.getTile('tile-1');
        if (decisions[0]) expect([tile?.servingVersion, tile?.versions[0].status]).toEqual([3, 'superseded']);
        else expect(tile?.servingVersion).toBe(1);
      });

      it('suspends and reinstates a tile, and says when there is no such tile', async () => {
        await store.insertTile(syntheticTile(1, 'partner-1'));
        expect(await store.setTileSuspended('tile-1', true)).toBe(true);
        expect((await store.getTile('tile-1'))?.suspended).toBe(true);
        expect(await store.setTileSuspended('nothing', true)).toBe(false);
      });
    });

    describe('grants', () => {
      beforeEach(async () => {
        await store.insertPartner(syntheticPartner(1));
        await store.insertTile(syntheticTile(1, 'partner-1'));
        await store.insertTile(syntheticTile(2, 'partner-1'));
      });

      it('a new grant revokes the card’s earlier grants to the same tile only; listed newest first', async () => {
        await store.insertGrant(syntheticGrant('a'));
        await store.insertGrant(syntheticGrant('other-tile', { tileId: 'tile-2', grantedAt: after(MINUTE) }));
        await store.insertGrant(syntheticGrant('other-card', { cardId: 'card-2', grantedAt: after(MINUTE) }));
        await store.insertGrant(syntheticGrant('b', { grantedAt: after(2 * MINUTE) }));
        expect(await store.getGrant('grant-a')).toEqual(syntheticGrant('a', { revokedAt: after(2 * MINUTE) }));
        expect((await store.getGrant('grant-other-tile'))?.revokedAt).toBeNull();
        expect((await store.getGrant('grant-other-card'))?.revokedAt).toBeNull();
        expect((await store.listGrants('card-1')).map((g) => g.id)).toEqual(['grant-b', 'grant-other-tile', 'grant-a']);
      });

      it('revokes only the card’s own unrevoked grant', async () => {
        await store.insertGrant(syntheticGrant(1));
        expect(await store.revokeGrant('grant-1', 'card-2', after(MINUTE))).toBe(false);
        expect(await store.revokeGrant('grant-1', 'card-1', after(MINUTE))).toBe(true);
        expect(await store.revokeGrant('grant-1', 'card-1', after(2 * MINUTE))).toBe(false);
        expect((await store.getGrant('grant-1'))?.revokedAt).toEqual(after(MINUTE));
      });
    });

    describe('authorisation codes and exchanges', () => {
      beforeEach(servingTileWithCode);

      it('returns a code as written', async () => {
        expect(await store.getAuthCode('code-1')).toEqual(syntheticAuthCode(1));
        expect(await store.getAuthCode('nothing')).toBeNull();
      });

      it('redeems a code once: of 20 concurrent redemptions exactly one writes its exchange and the grant’s last use', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => store.redeemAuthCode('code-1', syntheticExchange())));
        expect(count(results, 'redeemed')).toBe(1);
        expect(count(results, 'used')).toBe(19);
        expect(await store.listExchanges('card-1', { limit: 50 })).toEqual([{ ...syntheticExchange(), id: expect.any(Number) }]);
        expect((await store.getAuthCode('code-1'))?.usedAt).toEqual(syntheticExchange().at);
        expect((await store.getGrant('grant-1'))?.lastUsedAt).toEqual(syntheticExchange().at);
      });

      it('refuses a code of a revoked grant and an unknown code, writing nothing', async () => {
        await store.revokeGrant('grant-1', 'card-1', after(MINUTE));
        expect(await store.redeemAuthCode('code-1', syntheticExchange())).toBe('revoked');
        expect(await store.redeemAuthCode('nothing', syntheticExchange())).toBe('unknown');
        expect(await store.listExchanges('card-1', { limit: 50 })).toEqual([]);
        expect((await store.getAuthCode('code-1'))?.usedAt).toBeNull();
      });

      it('refuses a code of a card reported lost, revoked or expired by the exchange’s instant, naming why, writing nothing (security review: a code verified after reportLost returned)', async () => {
        const card = syntheticCard(1);
        expect(await store.redeemAuthCode('code-1', syntheticExchange({ at: card.expiresAt }))).toBe('card_expired');
        expect(await cards.changeCard('card-1', card, { status: 'suspended' })).toBe(true);
        expect(await store.redeemAuthCode('code-1', syntheticExchange())).toBe('card_suspended');
        expect(await cards.changeCard('card-1', { ...card, status: 'suspended' }, { status: 'revoked', at: T0 })).toBe(true);
        expect(await store.redeemAuthCode('code-1', syntheticExchange())).toBe('card_revoked');
        expect(await store.listExchanges('card-1', { limit: 50 })).toEqual([]);
        expect((await store.getAuthCode('code-1'))?.usedAt).toBeNull();
        expect((await store.getGrant('grant-1'))?.lastUsedAt).toBeNull();
      });

      it('of a report of loss racing 10 redemptions of different codes, each redemption is whole: redeemed with its exchange, or refused with nothing written', async () => {
        for (let i = 2; i <= 10; i++) await store.insertAuthCode(syntheticAuthCode(i));
        const redemptions = Array.from({ length: 10 }, (_, i) => store.redeemAuthCode(`code-${i + 1}`, syntheticExchange()));
        const report = cards.changeCard('card-1', syntheticCard(1), { status: 'suspended' });
        const results = await Promise.all(redemptions);
        expect(await report).toBe(true);
        expect(results.filter((r) => r !== 'redeemed' && r !== 'card_suspended')).toEqual([]);
        expect(await store.listExchanges('card-1', { limit: 50 })).toHaveLength(count(results, 'redeemed'));
        for (let i = 1; i <= 10; i++) {
          expect((await store.getAuthCode(`code-${i}`))?.usedAt === null).toBe(results[i - 1] !== 'redeemed');
        }
      });

      it('pages a card’s exchanges newest first', async () => {
        for (let i = 2; i <= 5; i++) await store.insertAuthCode(syntheticAuthCode(i));
        for (let i = 1; i <= 5; i++) await store.redeemAuthCode(`code-${i}`, syntheticExchange({ at: after(i * MINUTE) }));
        const first = await store.listExchanges('card-1', { limit: 2 });
        expect(first.map((e) => e.at)).toEqual([after(5 * MINUTE), after(4 * MINUTE)]);
        const second = await store.listExchanges('card-1', { before: first[1].id, limit: 2 });
        expect(second.map((e) => e.at)).toEqual([after(3 * MINUTE), after(2 * MINUTE)]);
        expect(await store.listExchanges('card-2', { limit: 2 })).toEqual([]);
      });

      it('forgets a card at its revocation: its grants and codes go, its exchanges stay only as a count; another card’s stay whole; again, nothing changes', async () => {
        await cards.mintCard(syntheticIdentity(2), syntheticCard(2));
        await store.insertGrant(syntheticGrant('of-card-2', { cardId: 'card-2' }));
        await store.insertAuthCode(syntheticAuthCode('of-card-2', { cardId: 'card-2', grantId: 'grant-of-card-2' }));
        await store.insertAuthCode(syntheticAuthCode(2));
        await store.redeemAuthCode('code-1', syntheticExchange());
        await store.redeemAuthCode('code-of-card-2', syntheticExchange({ cardId: 'card-2', grantId: 'grant-of-card-2' }));
        const card2Before = { grants: await store.listGrants('card-2'), exchanges: await store.listExchanges('card-2', { limit: 50 }) };
        const revokedAt = after(HOUR);

        for (let call = 0; call < 2; call++) {
          await store.forgetCard('card-1', revokedAt);
          expect(await store.listGrants('card-1')).toEqual([]);
          expect(await store.getGrant('grant-1')).toBeNull();
          expect(await store.getAuthCode('code-1')).toBeNull();
          expect(await store.getAuthCode('code-2')).toBeNull();
          const [exchange, ...more] = await store.listExchanges('card-1', { limit: 50 });
          expect(more).toEqual([]);
          expect(exchange).toEqual({ ...FORGOTTEN_EXCHANGE, scopes: [], id: expect.any(Number), cardId: 'card-1', at: revokedAt });
        }
        expect({ grants: await store.listGrants('card-2'), exchanges: await store.listExchanges('card-2', { limit: 50 }) }).toEqual(card2Before);
        // The tile's grant slot went with the grant: the card's tile can be granted again (a new enrollment has a new card, but nothing is left behind).
        await store.insertGrant(syntheticGrant('again'));
        expect((await store.getGrant('grant-again'))?.revokedAt).toBeNull();
      });

      it('prunes codes that expired before the cutoff, and never grants or exchanges', async () => {
        await store.insertAuthCode(syntheticAuthCode('later', { expiresAt: after(10 * MINUTE) }));
        await store.redeemAuthCode('code-1', syntheticExchange());
        expect(await store.prune({ assertionsBefore: T0, codesBefore: after(5 * MINUTE) })).toEqual({ partnerAssertions: 0, authCodes: 1 });
        expect(await store.getAuthCode('code-1')).toBeNull();
        expect(await store.getAuthCode('code-later')).not.toBeNull();
        expect(await store.getGrant('grant-1')).not.toBeNull();
        expect(await store.listExchanges('card-1', { limit: 50 })).toHaveLength(1);
      });
    });
  });
}
