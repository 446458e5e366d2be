/** `npm run cloudbase:setup`: the collections and indexes of collections.ts, created through the manager API, missing ones only. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DATABASE, type IndexDeclaration } from '../../server/adapters/cloudbase/collections';
import { createIndexRequest, printingTarget, setUpDatabase, type SetupTarget } from '../../scripts/cloudbase-setup';

const root = join(__dirname, '..', '..');

/** The manager API as a map: what exists, and every call made. */
function fakeManager(existing: string[] = []) {
  const present = new Set(existing);
  const calls: string[] = [];
  const target: SetupTarget = {
    collectionExists: async (name) => present.has(name),
    createCollection: async (name) => void (calls.push(`createCollection ${name}`), present.add(name)),
    indexExists: async (collection, index) => present.has(`${collection}.${index}`),
    createIndex: async (collection, index: IndexDeclaration) => void (calls.push(`createIndex ${collection}.${index.name}`), present.add(`${collection}.${index.name}`)),
  };
  return { target, calls };
}

describe('cloudbase:setup', () => {
  it('creates every declared collection and index in an empty environment, then nothing on a second run', async () => {
    const { target, calls } = fakeManager();
    const first = await setUpDatabase(target);
    const declared = DATABASE.flatMap((c) => [c.name, ...c.indexes.map((i) => `${c.name}.${i.name}`)]);
    expect(first.created).toEqual(declared);
    calls.length = 0;
    const second = await setUpDatabase(target);
    expect(second.created).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('adds only what an older environment lacks', async () => {
    const { target, calls } = fakeManager(['eid_usages', 'eid_cards', 'eid_cards.holder_status']);
    await setUpDatabase(target);
    expect(calls).toContain('createIndex eid_usages.cardId_seq');
    expect(calls).not.toContain('createCollection eid_usages');
    expect(calls).not.toContain('createIndex eid_cards.holder_status');
  });

  it('asks for the unique index that numbers usages per card as UpdateTable documents it', () => {
    const index = DATABASE.find((c) => c.name === 'eid_usages')!.indexes[0];
    expect(createIndexRequest(index)).toEqual({
      CreateIndexes: [
        {
          IndexName: 'cardId_seq',
          MgoKeySchema: { MgoIndexKeys: [{ Name: 'cardId', Direction: '1' }, { Name: 'seq', Direction: '-1' }], MgoIsUnique: true },
        },
      ],
    });
  });

  it('dry run: prints each call it would make and what each unique index holds', async () => {
    const lines: string[] = [];
    await setUpDatabase(printingTarget((line) => lines.push(line)));
    expect(lines.filter((l) => l.startsWith('database.createCollection'))).toHaveLength(DATABASE.length);
    expect(lines.join('\n')).toMatch(/createCollection\("eid_spent_tokens"\)\s+\/\/ _id: UNIQUE: the presentation token id/);
    expect(lines.join('\n')).toMatch(/createCollection\("eid_card_holds"\)\s+\/\/ _id: UNIQUE: holder:<OPENID> and id:/);
    expect(lines.join('\n')).toMatch(/"MgoIsUnique":true}}]}\)\s+\/\/ UNIQUE/);
    // The services store's collections (cloudbase-services-store.ts) and the unique rules they hold.
    for (const name of ['eid_partners', 'eid_partner_assertions', 'eid_tiles', 'eid_grants', 'eid_grant_slots', 'eid_auth_codes', 'eid_exchange_counters', 'eid_exchanges']) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^database\\.createCollection\\("${name}"\\)`)));
    }
    expect(lines.join('\n')).toMatch(/createCollection\("eid_grant_slots"\)\s+\/\/ _id: UNIQUE: <cardId>:<tileId>/);
    expect(lines.join('\n')).toMatch(/updateCollection\("eid_partners", \{"CreateIndexes":\[\{"IndexName":"creditCode".*"MgoIsUnique":true/);
  });

  it('dry run from the command line needs no credentials and calls nothing', () => {
    const output = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/cloudbase-setup.ts', '--dry-run'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(output).toMatch(/^DRY RUN/);
    expect(output).toContain('would create: eid_face_sessions');
    expect(output).toMatch(/would create: .*eid_partners, eid_partners\.creditCode, .*eid_partner_assertions\.partnerId_jti, .*eid_tiles, .*eid_exchanges\.cardId_seq/);
  });

  it('without --dry-run, names the variables it needs and stops', () => {
    let failure = '';
    try {
      execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/cloudbase-setup.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = String((error as { stderr?: string }).stderr);
    }
    expect(failure).toContain('not set: EID_CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY');
  });
});
