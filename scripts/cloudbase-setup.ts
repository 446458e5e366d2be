/**
 * `npm run cloudbase:setup [-- --dry-run]`: creates the deployed store's
 * collections and indexes, as server/adapters/cloudbase/collections.ts
 * declares them, through the CloudBase manager API (@cloudbase/manager-node:
 * CreateTable, and UpdateTable with CreateIndexes), never by hand in a
 * console. It only adds what is missing, so it is safe to run again after an
 * upgrade; it never drops anything.
 *
 * Needs EID_CLOUDBASE_ENV_ID and a Tencent Cloud API key allowed to manage
 * the environment (TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, and
 * TENCENTCLOUD_SESSIONTOKEN for a temporary key). `--dry-run` needs none of
 * them: it prints every manager call it would make, with its parameters, and
 * calls nothing.
 */
import { resolve } from 'node:path';
import { DATABASE, type CollectionDeclaration, type IndexDeclaration } from '../server/adapters/cloudbase/collections';
import { ENV_ID_VARIABLE } from './cloudbaserc';

/** One call of the manager API's UpdateTable, as @cloudbase/manager-node's database.updateCollection takes it. */
export function createIndexRequest(index: IndexDeclaration) {
  return {
    CreateIndexes: [
      {
        IndexName: index.name,
        MgoKeySchema: {
          MgoIndexKeys: index.keys.map((key) => ({ Name: key.field, Direction: key.direction === 'asc' ? '1' : '-1' })),
          MgoIsUnique: index.unique,
        },
      },
    ],
  };
}

/** What setup needs of the manager API; the real one wraps @cloudbase/manager-node, the dry run only prints. */
export interface SetupTarget {
  collectionExists(name: string): Promise<boolean>;
  createCollection(name: string): Promise<void>;
  indexExists(collection: string, index: string): Promise<boolean>;
  createIndex(collection: string, index: IndexDeclaration): Promise<void>;
}

export interface SetupReport {
  created: string[];
  present: string[];
}

export async function setUpDatabase(target: SetupTarget, database: readonly CollectionDeclaration[] = DATABASE): Promise<SetupReport> {
  const report: SetupReport = { created: [], present: [] };
  for (const collection of database) {
    if (await target.collectionExists(collection.name)) report.present.push(collection.name);
    else {
      await target.createCollection(collection.name);
      report.created.push(collection.name);
    }
    for (const index of collection.indexes) {
      const label = `${collection.name}.${index.name}`;
      if (await target.indexExists(collection.name, index.name)) report.present.push(label);
      else {
        await target.createIndex(collection.name, index);
        report.created.push(label);
      }
    }
  }
  return report;
}

/** The dry run: every collection and index counts as missing, and each call is printed instead of made. */
export function printingTarget(print: (line: string) => void): SetupTarget {
  return {
    collectionExists: async () => false,
    createCollection: async (name) => print(`database.createCollection(${JSON.stringify(name)})  // _id: ${DATABASE.find((c) => c.name === name)?.id ?? 'id'}`),
    indexExists: async () => false,
    createIndex: async (collection, index) =>
      print(`database.updateCollection(${JSON.stringify(collection)}, ${JSON.stringify(createIndexRequest(index))})  // ${index.unique ? 'UNIQUE, ' : ''}for ${index.why}`),
  };
}

interface ManagerDatabase {
  checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
  createCollection(name: string): Promise<unknown>;
  checkIndexExists(collection: string, index: string): Promise<{ Exists: boolean }>;
  updateCollection(collection: string, request: ReturnType<typeof createIndexRequest>): Promise<unknown>;
}

/** The manager API for the environment, with the key from the environment; loaded only when not a dry run. */
export function managerTarget(env: Record<string, string | undefined>): SetupTarget {
  const missing = [ENV_ID_VARIABLE, 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'].filter((name) => !env[name]);
  if (missing.length) throw new Error(`not set: ${missing.join(', ')}`);
  const CloudBase = require('@cloudbase/manager-node') as new (config: object) => { database: ManagerDatabase };
  const { database } = new CloudBase({
    envId: env[ENV_ID_VARIABLE],
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    token: env.TENCENTCLOUD_SESSIONTOKEN,
  });
  return {
    collectionExists: async (name) => (await database.checkCollectionExists(name)).Exists,
    createCollection: async (name) => void (await database.createCollection(name)),
    indexExists: async (collection, index) => (await database.checkIndexExists(collection, index)).Exists,
    createIndex: async (collection, index) => void (await database.updateCollection(collection, createIndexRequest(index))),
  };
}

async function main() {
  const dryRun = process.argv.includes('--dry-run');
  const target = dryRun ? printingTarget((line) => console.log(line)) : managerTarget(process.env);
  if (dryRun) console.log('DRY RUN: the calls `npm run cloudbase:setup` would make for a new environment (nothing is called):');
  const report = await setUpDatabase(target);
  console.log(`${dryRun ? 'would create' : 'created'}: ${report.created.length ? report.created.join(', ') : 'nothing'}`);
  if (!dryRun) console.log(`already present: ${report.present.length ? report.present.join(', ') : 'nothing'}`);
  console.log('Every collection also has its unique `_id` index, which CloudBase creates itself (collections.ts says what each one holds).');
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
