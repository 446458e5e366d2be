/**
 * Revoke and delete (crypto-shredding): after a revocation no plaintext or
 * decryptable name or ID number of the person remains in the database files,
 * WAL included, scanned byte by byte, nor where and how the card was used
 * (its usages are redacted: counts and chain links stay); a non-identifying
 * audit entry stays; the person can enroll again. SYNTHETIC person.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { createHarness, expectFailure, expectOk, faceCheck, type Harness } from '../support/harness';
import { attemptEnroll, enrolled, presentToken, registerTerminal, verifyAs } from '../support/journeys';
import { typed } from '../support/people';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

/** Every file of the SQLite database: the main file, its WAL and shared memory, whatever exists. */
function databaseBytes(): Array<{ file: string; bytes: Buffer }> {
  return readdirSync(h.dataDir)
    .filter((file) => file.startsWith('eid.sqlite'))
    .map((file) => ({ file, bytes: readFileSync(join(h.dataDir, file)) }));
}

function identityRow(cardId: string) {
  const db = new Database(join(h.dataDir, 'eid.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT i.id, i.id_index, i.name_sealed, i.id_number_sealed, k.wrapped_key, c.holder
         FROM cards c JOIN identities i ON i.id = c.identity_id LEFT JOIN identity_keys k ON k.identity_id = i.id WHERE c.id = ?`,
      )
      .get(cardId) as { id: string; id_index: string; name_sealed: string; id_number_sealed: string; wrapped_key: string | null; holder: string };
  } finally {
    db.close();
  }
}

/** Scans every database file, byte by byte, for each value as UTF-8 and UTF-16. */
function expectNowhere(secrets: string[]) {
  const files = databaseBytes();
  expect(files.map((f) => f.file)).toContain('eid.sqlite');
  for (const { file, bytes } of files) {
    for (const secret of secrets) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        expect({ file, secret: secret.length, found: bytes.includes(Buffer.from(secret, encoding)) }).toEqual({ file, secret: secret.length, found: false });
      }
    }
  }
}

/** The chain fields of the card's usages, read directly from the file. */
function usageRows(cardId: string) {
  const db = new Database(join(h.dataDir, 'eid.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, at, nonce, content_digest, hash, redacted FROM usages WHERE card_id = ? ORDER BY id').all(cardId) as Array<{
      id: number;
      at: number;
      nonce: string | null;
      content_digest: string | null;
      hash: string;
      redacted: number;
    }>;
  } finally {
    db.close();
  }
}

/**
 * Removes the terminal's own directory entry, which names it and its
 * organisation and is nobody's personal data, so that only the card's usages
 * could still hold them; as the store erases (secure_delete, then an emptied WAL).
 */
function forgetTerminal(terminalId: string) {
  const db = new Database(join(h.dataDir, 'eid.sqlite'));
  try {
    db.pragma('secure_delete = ON');
    db.prepare('DELETE FROM terminals WHERE id = ?').run(terminalId);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

it('leaves no plaintext, sealed value or data key of the person, nor where the card was used, in any database file, and the person can enroll again', async () => {
  const person = await enrolled(h, 'alice');
  const organisation = 'Synthetic Redaction Hotel 测试旅馆';
  const hotel = await registerTerminal(h, ['hotel'], organisation);
  expectOk(await verifyAs(h, hotel, await presentToken(h, 'alice', 'hotel'), 'hotel'));
  const { card } = expectOk(await h.call('alice', { action: 'getCard' })) as unknown as { card: { cardId: string } };
  const [usage] = usageRows(card.cardId);
  expect(usage).toMatchObject({ redacted: 0, nonce: expect.stringMatching(/^[\w-]{22}$/) });

  const before = identityRow(card.cardId);
  expect(before.wrapped_key).toMatch(/^k1\./);
  // The personal data is sealed under the identity's own key, not the master key.
  const held = (await h.emulator.deps.store.getHeldCard(card.cardId))!;
  expect(() => h.emulator.deps.pii.open(held.identity.nameSealed, `identity:${held.identity.id}:name`)).toThrow();

  // A stranger's face tried on her number is counted against its index (rate-limit.ts).
  await faceCheck(h, 'mallory');
  expect(expectFailure(await attemptEnroll(h, 'mallory', typed(person), { faceCapture: 'photo-of-someone-else' })).code).toBe('FACE_MISMATCH');
  expect(await h.emulator.deps.store.countFailures(`id:${before.id_index}`, new Date(0))).toBe(1);

  h.clock.advance(3 * 60 * 60 * 1000); // revoked hours after the use, so the redacted time is not the use's
  const { answer } = await faceCheck(h, 'alice');
  expectOk(await h.call('alice', { action: 'revoke', ...answer }));

  expectNowhere([
    usage!.nonce!,
    person.name,
    person.idNumber,
    person.idNumber.slice(6, 14),
    before.name_sealed,
    before.id_number_sealed,
    before.wrapped_key!,
    before.id_index,
    before.wrapped_key!.slice(3, 40),
    before.name_sealed.slice(3, 40),
  ]);
  forgetTerminal(hotel.terminalId);
  expectNowhere([hotel.terminalId, organisation]);

  // What stays: a non-identifying audit entry of the card, and its usages as counts.
  const after = identityRow(card.cardId);
  expect(after).toMatchObject({ wrapped_key: null, name_sealed: '', id_number_sealed: '' });
  expect(after.holder).not.toBe('alice');
  expect((await h.emulator.deps.store.getHeldCard(card.cardId))?.card).toMatchObject({ status: 'revoked', level: 'basic' });
  expect(h.rowCounts().usages).toBe(1);
  const [redacted] = usageRows(card.cardId);
  expect(redacted).toMatchObject({ id: usage!.id, nonce: null, content_digest: usage!.content_digest, hash: usage!.hash, redacted: 1 });
  expect(redacted!.at).toBe(h.clock.now().getTime());
  expect(redacted!.at).not.toBe(usage!.at);

  expectOk(await attemptEnroll(h, 'alice', typed(person)));
  expect(expectOk(await h.call('alice', { action: 'getCard' })).card).toMatchObject({ status: 'active' });
});

it('opens a sealed value only with its own identity’s data key, and a wrapped key only for the identity it was made for', () => {
  const { pii } = h.emulator.deps;
  const mine = { wrapped: pii.newDataKey('identity-a'), owner: 'identity-a' };
  const sealed = pii.seal('SYNTHETIC 测试', 'identity:identity-a:name', mine);
  expect(pii.open(sealed, 'identity:identity-a:name', mine)).toBe('SYNTHETIC 测试');
  expect(() => pii.open(sealed, 'identity:identity-a:name', { wrapped: pii.newDataKey('identity-a'), owner: 'identity-a' })).toThrow();
  expect(() => pii.open(sealed, 'identity:identity-a:name', { wrapped: mine.wrapped, owner: 'identity-b' })).toThrow();
  expect(() => pii.open(sealed, 'identity:identity-a:name')).toThrow();
});

it('empties the WAL once a reader that held it back lets go, and says so meanwhile', async () => {
  const store = h.emulator.deps.store as SqliteStore;
  await enrolled(h, 'alice');
  const reader = new Database(join(h.dataDir, 'eid.sqlite'), { readonly: true });
  try {
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT COUNT(*) FROM cards').get(); // a read transaction pins the WAL
    const { answer } = await faceCheck(h, 'alice');
    expectOk(await h.call('alice', { action: 'revoke', ...answer }));
    expect(store.walPending).toBe(true);
    expect(statSync(join(h.dataDir, 'eid.sqlite-wal')).size).toBeGreaterThan(0);
    reader.prepare('COMMIT').run();
  } finally {
    reader.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(store.walPending).toBe(false);
  expect(statSync(join(h.dataDir, 'eid.sqlite-wal')).size).toBe(0);
});
