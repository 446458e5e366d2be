/** SqliteServicesStore: the services store contract on a fresh SQLite file (its own connection beside the Store's, as in the emulator). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteServicesStore } from '../../server/adapters/sqlite/sqlite-services-store';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { describeServicesStoreContract } from './services-store-contract';

describeServicesStoreContract('SqliteServicesStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eid-services-store-'));
  const store = SqliteServicesStore.open(join(dir, 'eid.sqlite'));
  const cards = SqliteStore.open(join(dir, 'eid.sqlite'));
  return {
    store,
    cards,
    async close() {
      await store.close();
      await cards.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
