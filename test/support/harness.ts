/**
 * A citizen's-eye harness over the emulator's own composition: real SQLite in
 * a temp folder, the simulated authority, development keys generated for the
 * test, and a frozen clock.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaceChallengeView, Failure, Result } from '../../core/api';
import { composeEmulator, type Emulator } from '../../server/emulator/compose';
import type { Logger } from '../../server/functions/boundary';
import { FrozenClock } from './frozen-clock';

export interface Harness {
  emulator: Emulator;
  clock: FrozenClock;
  dataDir: string;
  logLines: string[];
  call(openid: string | undefined, event: unknown): Promise<Result<Record<string, unknown>>>;
  /** Row count of every table except the migration log, e.g. { cards: 1, ... }. */
  rowCounts(): Record<string, number>;
  close(): Promise<void>;
}

export function createHarness(): Harness {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-test-'));
  const clock = new FrozenClock();
  const logLines: string[] = [];
  const log: Logger = {
    info: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  };
  const emulator = composeEmulator({ dataDir, log, clock });
  return {
    emulator,
    clock,
    dataDir,
    logLines,
    call: (openid, event) => emulator.functions.citizen(event, { openid }) as Promise<Result<Record<string, unknown>>>,
    rowCounts() {
      const db = new Database(join(dataDir, 'eid.sqlite'), { readonly: true });
      try {
        const tables = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
          .pluck()
          .all() as string[];
        return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
      } finally {
        db.close();
      }
    },
    async close() {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Asserts a failure and returns it typed, so a test can check code and reason. */
export function expectFailure(result: Result<unknown>): Failure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code} ${result.reason ?? ''}`);
  return result;
}

/** Starts a face session and returns the answer a live person in front of the camera would give. */
export async function faceCheck(harness: Harness, openid: string) {
  const challenge = expectOk(await harness.call(openid, { action: 'startFace' })) as unknown as FaceChallengeView;
  return {
    challenge,
    answer: {
      faceSessionId: challenge.sessionId,
      liveness: { actions: challenge.actions, digits: challenge.digits },
      faceCapture: 'simulated-capture:test',
    },
  };
}
