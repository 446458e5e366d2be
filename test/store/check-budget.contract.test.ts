/**
 * The CheckBudget port (server/domain/ports.ts): places in a caller's budget
 * of failed checks, reserved atomically. Stated once, run on both
 * implementations: in memory over SQLite (the emulator's, one process) and in
 * the CloudBase database (the deployed one, through the local endpoint).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudBaseStore, PLACE_LIFETIME_MS } from '../../server/adapters/cloudbase/cloudbase-store';
import { InProcessCheckBudget } from '../../server/adapters/in-process/in-process-check-budget';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import type { CheckBudget } from '../../server/domain/ports';
import type { Store } from '../../server/domain/store';
import { startCloudBaseEndpoint, syntheticConnection } from './cloudbase-endpoint';
import { HOUR, MINUTE, T0, after } from './synthetic-records';

interface OpenedBudget {
  budget: CheckBudget;
  store: Store;
  close(): Promise<void>;
}

const LIMIT = { since: after(-HOUR), max: 5 };
const KEY = 'caller:synthetic-1';

function describeCheckBudgetContract(name: string, open: () => Promise<OpenedBudget>) {
  describe(`CheckBudget contract: ${name}`, () => {
    let opened: OpenedBudget;
    beforeEach(async () => {
      opened = await open();
    });
    afterEach(() => opened.close());

    it('grants `max` places, refuses the next, and grants again once one is released', async () => {
      const places = [];
      for (let i = 0; i < 5; i++) places.push(await opened.budget.reserve(KEY, LIMIT, T0));
      expect(places.every((p) => p !== null)).toBe(true);
      expect(await opened.budget.reserve(KEY, LIMIT, T0)).toBeNull();
      await places[0]!.release();
      await places[0]!.release(); // twice is once
      expect(await opened.budget.reserve(KEY, LIMIT, T0)).not.toBeNull();
      expect(await opened.budget.reserve(KEY, LIMIT, T0)).toBeNull();
    });

    it('counts failures recorded after `since` against the same budget, and only those', async () => {
      await opened.store.recordFailure([KEY, KEY, KEY], after(-10 * MINUTE));
      await opened.store.recordFailure([KEY], after(-2 * HOUR));
      expect(await opened.budget.reserve(KEY, LIMIT, T0)).not.toBeNull();
      expect(await opened.budget.reserve(KEY, LIMIT, T0)).not.toBeNull();
      expect(await opened.budget.reserve(KEY, LIMIT, T0)).toBeNull();
      expect(await opened.budget.reserve('caller:synthetic-other', LIMIT, T0)).not.toBeNull();
    });

    it('grants exactly `max` of 20 concurrent reserves', async () => {
      const places = await Promise.all(Array.from({ length: 20 }, () => opened.budget.reserve(KEY, LIMIT, T0)));
      expect(places.filter((p) => p !== null)).toHaveLength(5);
    });

    it('lets a failure recorded before its release take the place over: the budget never has a gap', async () => {
      const places = await Promise.all(Array.from({ length: 5 }, () => opened.budget.reserve(KEY, LIMIT, T0)));
      for (const place of places) {
        await opened.store.recordFailure([KEY], T0);
        await place!.release();
      }
      expect(await opened.budget.reserve(KEY, LIMIT, T0)).toBeNull();
      expect(await opened.store.countFailures(KEY, LIMIT.since)).toBe(5);
    });
  });
}

describeCheckBudgetContract('InProcessCheckBudget over SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eid-budget-'));
  const store = SqliteStore.open(join(dir, 'eid.sqlite'));
  return {
    budget: new InProcessCheckBudget(store),
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const openCloudBase = async () => {
  const endpoint = await startCloudBaseEndpoint();
  const store = CloudBaseStore.open(syntheticConnection(endpoint));
  return { budget: store, store, close: () => endpoint.close() };
};

describeCheckBudgetContract('CloudBaseStore (tcb-admin-node → local CloudBase endpoint)', openCloudBase);

describe('CloudBaseStore check budget', () => {
  it('frees a place its function never released once it is older than any function call', async () => {
    const { budget, close } = await openCloudBase();
    try {
      for (let i = 0; i < 5; i++) expect(await budget.reserve(KEY, LIMIT, T0)).not.toBeNull();
      expect(await budget.reserve(KEY, LIMIT, after(PLACE_LIFETIME_MS - 1))).toBeNull();
      expect(await budget.reserve(KEY, LIMIT, after(PLACE_LIFETIME_MS))).not.toBeNull();
    } finally {
      await close();
    }
  });
});
