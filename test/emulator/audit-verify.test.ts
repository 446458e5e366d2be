/**
 * Tamper-evident usage records: every card's usages form a hash chain;
 * `npm run audit:verify` passes an untouched store, names the first broken
 * entry after a row is edited directly in SQLite, and signed checkpoints
 * catch a chain cut short, rewritten heads, a forged signature and (from a
 * published copy) a checkpoint removed from the store; a revoked card's
 * redacted entries still verify and are counted. SYNTHETIC person.
 */
import Database from 'better-sqlite3';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { publishedCheckpoints } from '../../server/adapters/audit/audit-trail';
import { developmentKeys, rotateDevelopmentIssuerKey } from '../../server/adapters/keys/key-material';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { runAuditVerify } from '../../server/cli/audit-verify';
import { adminTimers } from '../../server/deploy/timers';
import { createHarness, expectOk, faceCheck, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal, verifyAs } from '../support/journeys';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const DAY = 24 * 60 * 60 * 1000;

/** Runs the CLI on the harness's SQLite file, as `npm run audit:verify -- --data-dir <dir>` does. */
async function audit(argv: string[] = [], published = '') {
  const lines: string[] = [];
  const code = await runAuditVerify(['--data-dir', h.dataDir, ...argv], {
    out: (line) => lines.push(line),
    open: async ({ dataDir }) => ({ store: SqliteStore.open(join(dataDir, 'eid.sqlite')), issuer: developmentKeys(dataDir, () => h.clock.now()).issuer, label: 'test store' }),
    read: async () => published,
    now: () => h.clock.now(),
  });
  return { code, out: lines.join('\n') };
}

function one(sql: string): unknown {
  const db = new Database(join(h.dataDir, 'eid.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

function edit(sql: string, ...params: unknown[]) {
  const db = new Database(join(h.dataDir, 'eid.sqlite'));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

async function threeUsages() {
  await enrolled(h, 'alice');
  const hotel = await registerTerminal(h, ['hotel', 'age_check']);
  for (let i = 0; i < 3; i++) expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', i === 1 ? 'age_check' : 'hotel'), i === 1 ? 'age_check' : 'hotel'));
}

it('passes an untouched store and names the first broken entry after a row is edited in SQLite', async () => {
  await threeUsages();
  expect(await audit()).toMatchObject({ code: 0, out: expect.stringContaining('OK: every usage chain and checkpoint holds') });

  edit(`UPDATE usages SET organisation = 'Someone else' WHERE id = 2`);
  const broken = await audit();
  expect(broken.code).toBe(1);
  expect(broken.out).toMatch(/BROKEN: usage 2 of card \S+ \(its content was changed\)/);
  expect(broken.out).not.toContain('usage 3');
});

it('names a removed entry by the one after it', async () => {
  await threeUsages();
  edit('DELETE FROM usages WHERE id = 2');
  expect((await audit()).out).toMatch(/BROKEN: usage 3 of card \S+ \(the entry before it was removed, inserted or changed\)/);
});

/** Removes the newest entry as a thorough forger would: the card's head moved back to the entry before it too. */
function cutNewest() {
  edit('DELETE FROM usages WHERE id = 3');
  edit('UPDATE cards SET usage_head = (SELECT hash FROM usages WHERE id = 2)');
}

it('the card’s head catches its newest entry removed, and the next entry still links to the removed one', async () => {
  await threeUsages();
  edit('DELETE FROM usages WHERE id = 3');
  expect((await audit()).out).toMatch(/BROKEN: card \S+'s chain ends at usage 2, short of its head \(its newest entries were removed\)/);

  const hotel = await registerTerminal(h, ['hotel']);
  expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', 'hotel'), 'hotel'));
  expect((await audit()).out).toMatch(/BROKEN: usage 4 of card \S+ \(the entry before it was removed, inserted or changed\)/);
});

it('an unhashed entry after the chain began is a break, whether inserted or stripped of its hash', async () => {
  await threeUsages();
  edit(`INSERT INTO usages (card_id, at, terminal_id, organisation, scene, attributes) SELECT card_id, at, terminal_id, 'Forged Hotel', scene, attributes FROM usages WHERE id = 3`);
  expect((await audit()).out).toMatch(/BROKEN: usage 4 of card \S+ \(the entry before it was removed, inserted or changed\)/);
  edit('DELETE FROM usages WHERE id = 4');
  edit('UPDATE usages SET hash = NULL, prev_hash = NULL');
  expect((await audit()).out).toMatch(/BROKEN: card \S+'s chain ends at usage 3, short of its head/);
});

it('a signed checkpoint catches a chain cut short together with its head, which the links alone cannot show', async () => {
  await threeUsages();
  expect((await audit(['--checkpoint'])).out).toContain('kept a signed checkpoint of 1 chain heads');
  cutNewest();
  const cut = await audit();
  expect(cut.code).toBe(1);
  expect(cut.out).toContain('BROKEN: checkpoint 1 (a chain head it names is gone)');
  expect(cut.out).not.toContain('BROKEN: usage');
});

it('catches heads rewritten to fit a cut chain, and a checkpoint signed by a key not the issuer’s', async () => {
  await threeUsages();
  await audit(['--checkpoint']);
  const [card] = Object.keys(JSON.parse(one('SELECT heads FROM audit_checkpoints') as string) as Record<string, string>);
  const second = one('SELECT hash FROM usages WHERE id = 2') as string;
  cutNewest();
  edit('UPDATE audit_checkpoints SET heads = ?', JSON.stringify({ [card!]: second }));
  expect((await audit()).out).toContain('BROKEN: checkpoint 1 (the heads kept with it are not the ones it signed)');

  const [header, payload] = (one('SELECT token FROM audit_checkpoints') as string).split('.');
  const forger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const forged = `${header}.${payload}.${sign('sha256', Buffer.from(`${header}.${payload}`), { key: forger, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  edit('UPDATE audit_checkpoints SET token = ?', forged);
  expect((await audit()).out).toContain('BROKEN: checkpoint 1 (its signature does not verify)');
});

it('each checkpoint signs the one before it, so one removed from the middle shows', async () => {
  await threeUsages();
  await audit(['--checkpoint']);
  const hotel = await registerTerminal(h, ['hotel']);
  expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', 'hotel'), 'hotel'));
  await audit(['--checkpoint']);
  expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', 'hotel'), 'hotel'));
  await audit(['--checkpoint']);
  expect((await audit()).code).toBe(0);
  edit('DELETE FROM audit_checkpoints WHERE id = 2');
  expect((await audit()).out).toContain('BROKEN: checkpoint 2 (the checkpoint before it was removed or changed)');
});

it('a published copy catches a checkpoint removed from the store', async () => {
  await threeUsages();
  await audit(['--checkpoint']);
  const store = SqliteStore.open(join(h.dataDir, 'eid.sqlite'));
  const copy = JSON.stringify({ checkpoints: await publishedCheckpoints(store) });
  await store.close();
  expect(copy).not.toMatch(/alice|usages|heads/);

  edit('DELETE FROM audit_checkpoints');
  cutNewest();
  const withoutCopy = await audit();
  expect(withoutCopy.code).toBe(0);

  const withCopy = await audit(['--published', 'copy.json'], copy);
  expect(withCopy.code).toBe(1);
  expect(withCopy.out).toContain('BROKEN: published checkpoint 1 (it was published but is no longer in the store)');
});

it('keeps checking the heads of a checkpoint whose key has left the JWKS, and says its signature cannot be', async () => {
  await threeUsages();
  await audit(['--checkpoint']);
  rotateDevelopmentIssuerKey(h.dataDir, developmentKeys(h.dataDir, () => h.clock.now()).issuer, h.clock.now());
  h.clock.advance(6 * 366 * DAY);
  const later = await audit();
  expect(later.code).toBe(0);
  expect(later.out).toContain('note: 1 checkpoints are signed by keys that have left the JWKS');

  cutNewest();
  expect((await audit()).out).toContain('BROKEN: checkpoint 1 (a chain head it names is gone)');
});

it('the timers keep a checkpoint only when a chain moved on since the newest', async () => {
  const { auditCheckpoint } = adminTimers(h.emulator.deps, h.emulator.issuer.current);
  expect(await auditCheckpoint()).toEqual({ checkpointCards: 0 });
  await threeUsages();
  expect(await auditCheckpoint()).toEqual({ checkpointCards: 1 });
  expect(await auditCheckpoint()).toEqual({ checkpointCards: 0 });
  expect(await h.emulator.deps.store.listAuditCheckpoints()).toHaveLength(1);
  expect((await audit()).out).toContain('OK: every usage chain and checkpoint holds');
});

async function revokeAlice() {
  h.clock.advance(DAY);
  const { answer } = await faceCheck(h, 'alice');
  expectOk(await h.call('alice', { action: 'revoke', ...answer }));
}

it('after a revocation passes and counts the redacted entries, and still names a redacted entry whose digest or hash was edited', async () => {
  await threeUsages();
  await audit(['--checkpoint']);
  await revokeAlice();
  expect(one('SELECT COUNT(*) FROM usages WHERE redacted = 1 AND nonce IS NULL AND organisation = \'\'')).toBe(3);
  const passed = await audit();
  expect(passed.code).toBe(0);
  expect(passed.out).toContain('3 usage records checked, 3 of them redacted');
  expect(passed.out).toContain('OK: every usage chain and checkpoint holds');

  const digest = one('SELECT content_digest FROM usages WHERE id = 2') as string;
  edit('UPDATE usages SET content_digest = ? WHERE id = 2', 'f'.repeat(64));
  const edited = await audit();
  expect(edited.code).toBe(1);
  expect(edited.out).toMatch(/BROKEN: usage 2 of card \S+ \(its content was changed\)/);
  expect(edited.out).not.toContain('usage 3');

  edit('UPDATE usages SET content_digest = ? WHERE id = 2', digest);
  expect((await audit()).code).toBe(0);
  edit('UPDATE usages SET hash = ? WHERE id = 2', 'e'.repeat(64));
  expect((await audit()).out).toMatch(/BROKEN: usage 2 of card \S+ \(its content was changed\)/);
});

it('a redacted flag cannot hide a forged entry: one set on an entry that still holds details is named', async () => {
  await threeUsages();
  edit(`UPDATE usages SET organisation = 'Someone else', redacted = 1 WHERE id = 2`);
  expect((await audit()).out).toMatch(/BROKEN: usage 2 of card \S+ \(its content was changed\)/);
});
