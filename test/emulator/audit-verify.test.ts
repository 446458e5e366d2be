/**
 * Tamper-evident usage records: every card's usages form a hash chain;
 * `npm run audit:verify` passes an untouched store, names the first broken
 * entry after a row is edited directly in SQLite, and a published, signed
 * checkpoint catches a chain cut short. SYNTHETIC person.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { developmentKeys } from '../../server/adapters/keys/key-material';
import { runAuditVerify } from '../../server/cli/audit-verify';
import { createHarness, expectOk, type Harness } from '../support/harness';
import { enrolled, presentToken, registerTerminal, verifyAs } from '../support/journeys';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

function audit(...argv: string[]) {
  const lines: string[] = [];
  const code = runAuditVerify(['--data-dir', h.dataDir, ...argv], { out: (line) => lines.push(line), issuer: (dir) => developmentKeys(dir).issuer, now: () => h.clock.now() });
  return { code, out: lines.join('\n') };
}

function edit(sql: string) {
  const db = new Database(join(h.dataDir, 'eid.sqlite'));
  try {
    db.exec(sql);
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
  expect(audit()).toMatchObject({ code: 0, out: expect.stringContaining('OK: every usage chain and checkpoint holds') });

  edit(`UPDATE usages SET organisation = 'Someone else' WHERE id = 2`);
  const broken = audit();
  expect(broken.code).toBe(1);
  expect(broken.out).toMatch(/BROKEN: usage 2 of card \S+ \(its content was changed\)/);
  expect(broken.out).not.toContain('usage 3');
});

it('names a removed entry by the one after it', async () => {
  await threeUsages();
  edit('DELETE FROM usages WHERE id = 2');
  expect(audit().out).toMatch(/BROKEN: usage 3 of card \S+ \(the entry before it was removed, inserted or changed\)/);
});

it('a signed checkpoint catches a chain cut short, which the links alone cannot show', async () => {
  await threeUsages();
  expect(audit('--checkpoint').out).toContain('published a checkpoint of 1 chain heads');
  edit('DELETE FROM usages WHERE id = 3');
  const cut = audit();
  expect(cut.code).toBe(1);
  expect(cut.out).toContain('BROKEN: checkpoint on line 1 (a chain head it names is gone)');
  expect(cut.out).not.toContain('BROKEN: usage');
});
