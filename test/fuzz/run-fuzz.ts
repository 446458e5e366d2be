/**
 * The fuzz engine behind `npm test` (bounded) and `npm run fuzz` (opt-in,
 * larger): seeded hostile events against every function, directly and over
 * HTTP for a sample, each answer checked against what must hold for any
 * input whatsoever.
 */
import Database from 'better-sqlite3';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FunctionName } from '../../core/api';
import { bilingualMessage, isErrorCode } from '../../core/errors';
import * as reasons from '../../core/reasons';
import { ensureDemoTerminal } from '../../server/emulator/demo-terminal';
import { devRoutes } from '../../server/emulator/dev-routes';
import { DEMO_UPGRADE_TERMINAL_ID } from '../../server/clients/demo-terminal-key';
import { createEmulatorServer, MAX_BODY_BYTES } from '../../server/emulator/http-server';
import { FUZZED_FUNCTIONS, FuzzWorld } from './fuzz-world';
import { Prng } from './random-values';

export interface FuzzOptions {
  seed: number;
  eventsPerFunction: number;
  httpEventsPerFunction: number;
}

export interface Figures {
  events: number;
  ok: number;
  rejected: number;
  maxMs: number;
  codes: Record<string, number>;
}

/** Per action of a function: how many events the fuzz meant as that action (mutated or not), and how many of them were answered ok. */
export type ActionFigures = Record<string, { sent: number; ok: number }>;

export interface FuzzReport {
  options: FuzzOptions;
  direct: Record<FunctionName, Figures>;
  actions: Record<FunctionName, ActionFigures>;
  http: Figures & { byStatus: Record<string, number> };
  heap: { deltaMb: number; gcForced: boolean };
  violations: string[];
}

/** A call slower than this counts as a hang. */
export const SLOWEST_ALLOWED_MS = 2000;
/** The refusals of a face check that count a failure by design (rate-limit.ts); every other refusal writes nothing. */
const COUNTED_REFUSALS = new Set(['LIVENESS_FAILED', 'FACE_MISMATCH', 'IDENTITY_NOT_FOUND']);
const KNOWN_REASONS = new Set<unknown>(Object.values(reasons).flatMap((list) => (Array.isArray(list) ? list : [])));

type Counts = Record<string, number>;
type Answer = { ok: boolean } & Record<string, unknown>;

const newFigures = (): Figures => ({ events: 0, ok: 0, rejected: 0, maxMs: 0, codes: {} });

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const world = await FuzzWorld.create();
  const db = new Database(join(world.h.dataDir, 'eid.sqlite'), { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").pluck().all() as string[];
  const countRows = db.prepare(`SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`);
  const rows = () => countRows.get() as Counts;
  const rng = new Prng(options.seed);
  const report: FuzzReport = {
    options,
    direct: Object.fromEntries(FUZZED_FUNCTIONS.map((fn) => [fn, newFigures()])) as Record<FunctionName, Figures>,
    actions: Object.fromEntries(FUZZED_FUNCTIONS.map((fn) => [fn, {}])) as Record<FunctionName, ActionFigures>,
    http: { ...newFigures(), byStatus: {} },
    heap: { deltaMb: 0, gcForced: false },
    violations: [],
  };
  const check = (where: string, event: unknown, answer: unknown, ms: number, before: Counts, figures: Figures) => {
    const problems = answerProblems(answer, ms, before, rows(), world.personalData);
    record(figures, answer as Answer, ms);
    if (!problems.length || report.violations.length >= 50) return;
    // An INTERNAL answer was logged by type and location (never data): say where it came from.
    const logged = (answer as Answer)?.code === 'INTERNAL' ? ` [logged: ${world.h.logLines.at(-1) ?? '-'}]` : '';
    report.violations.push(`${where}: ${problems.join('; ')}${logged} for ${preview(event)}`);
  };

  try {
    const gc = forcedGc();
    report.heap.gcForced = gc !== undefined;
    const halves = [Math.ceil(options.eventsPerFunction / 2), Math.floor(options.eventsPerFunction / 2)];
    const heapAfterHalf: number[] = [];
    for (const count of halves) {
      // Interleaved, so that tokens, sessions and terminals one function makes are fresh for the next.
      for (let i = 0; i < count; i++) {
        world.passTime(rng);
        for (const fn of FUZZED_FUNCTIONS) {
          const { event: valid, openid } = world.validEvent(fn, rng);
          const event = rng.chance(0.85) ? world.mutate(valid, rng) : valid;
          const before = rows();
          const started = performance.now();
          let answer: unknown;
          try {
            answer = await world.h.emulator.functions[fn](event, { openid });
          } catch (error) {
            answer = { thrown: error instanceof Error ? error.name : typeof error };
          }
          check(fn, event, answer, performance.now() - started, before, report.direct[fn]);
          world.observe(event, openid, answer as Answer);
          const meant = (report.actions[fn][String(valid.action)] ??= { sent: 0, ok: 0 });
          meant.sent++;
          // An ok counts for the action only when the mutation kept it (a swapped action reached another use case).
          if ((answer as Answer).ok === true && (event as { action?: unknown }).action === valid.action) meant.ok++;
        }
      }
      gc?.();
      gc?.();
      heapAfterHalf.push(process.memoryUsage().heapUsed);
    }
    report.heap.deltaMb = (heapAfterHalf[1] - heapAfterHalf[0]) / 2 ** 20;
    await fuzzOverHttp(world, options.httpEventsPerFunction, rng, rows, report, check);
  } finally {
    db.close();
    await world.h.close();
  }
  return report;
}

/** Everything that must hold for any answer to any input; empty when all does. */
function answerProblems(answer: unknown, ms: number, before: Counts, after: Counts, personalData: readonly string[]): string[] {
  const problems: string[] = [];
  if (ms > SLOWEST_ALLOWED_MS) problems.push(`took ${Math.round(ms)} ms`);
  if (!answer || typeof answer !== 'object') return [...problems, 'the answer is not an object'];
  const a = answer as Answer;
  if ('thrown' in a) return [...problems, `threw ${String(a.thrown)}`];
  if (a.ok === true) return problems;
  if (a.ok !== false) return [...problems, 'ok is neither true nor false'];
  if (!isErrorCode(a.code)) return [...problems, `unknown code ${String(a.code).slice(0, 40)}`];
  if (a.code === 'INTERNAL') problems.push('INTERNAL: an unexpected error');
  if (a.message !== bilingualMessage(a.code)) problems.push('the message is not the code’s');
  const extra = Object.keys(a).filter((key) => !['ok', 'code', 'message', 'reason', 'details'].includes(key));
  if (extra.length) problems.push(`unexpected keys ${extra.join(',')}`);
  if (a.reason !== undefined && !KNOWN_REASONS.has(a.reason)) problems.push('an undeclared reason');
  const details = a.details as Record<string, unknown> | undefined;
  if (details !== undefined && Object.values(details).some((v) => !['string', 'number', 'boolean'].includes(typeof v))) problems.push('details are not flat');
  const text = JSON.stringify(a);
  if (personalData.some((pii) => text.includes(pii))) problems.push('personal data in a refusal');
  for (const table of Object.keys(after)) {
    const written = after[table] - before[table];
    // Two writes are refusals' by design: a counted failure, and the one spend of a
    // proof that verified (admin and partner assertions, and a terminal's upgrade or
    // openSession proof, are good once, even when the action they carried is then refused).
    const spendsOnce = table === 'partner_assertions' || table === 'spent_terminal_proofs';
    const allowed = table === 'failures' && COUNTED_REFUSALS.has(a.code) ? written >= 0 : spendsOnce ? written === 0 || written === 1 : written === 0;
    if (!allowed) problems.push(`a rejected event wrote ${written} row(s) to ${table}`);
  }
  return problems;
}

function neverOk(actions: FuzzReport['actions']): string[] {
  return FUZZED_FUNCTIONS.flatMap((fn) => Object.entries(actions[fn]).filter(([, a]) => a.ok === 0).map(([action]) => `${fn}.${action}`));
}

function record(figures: Figures, answer: Answer, ms: number): void {
  figures.events++;
  figures.maxMs = Math.max(figures.maxMs, ms);
  if (answer && answer.ok === true) figures.ok++;
  else {
    figures.rejected++;
    const code = answer && typeof answer.code === 'string' ? answer.code : 'malformed';
    figures.codes[code] = (figures.codes[code] ?? 0) + 1;
  }
}

type Check = (where: string, event: unknown, answer: unknown, ms: number, before: Counts, figures: Figures) => void;

/** Raw bodies no JSON.stringify makes: broken, deep, oversized, not UTF-8. */
const RAW_BODIES: readonly (string | ArrayBuffer)[] = [
  '',
  'null',
  '{',
  '"text"',
  '1e999',
  '{"action":"getCard","action":"enroll"}',
  '{"__proto__":{"ok":true},"action":"getCard"}',
  '['.repeat(30_000) + ']'.repeat(30_000),
  '{"a":'.repeat(12_000) + '1' + '}'.repeat(12_000),
  '{"action":"getCard"}' + ' '.repeat(MAX_BODY_BYTES),
  Uint8Array.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]).buffer,
];

/** A sample over a real socket: no 5xx whatever the body, and the same checks on every 200. */
async function fuzzOverHttp(world: FuzzWorld, perFunction: number, rng: Prng, rows: () => Counts, report: FuzzReport, check: Check): Promise<void> {
  const { h } = world;
  const demo = await ensureDemoTerminal(h.emulator.deps, h.dataDir);
  const upgrader = await ensureDemoTerminal(h.emulator.deps, h.dataDir, DEMO_UPGRADE_TERMINAL_ID);
  const quiet = { info: () => undefined, error: () => undefined };
  const server: Server = createEmulatorServer({
    functions: h.emulator.functions,
    jwks: () => h.emulator.issuer.jwks(),
    devRoutes: devRoutes(h.emulator.functions.verifier, { verifier: demo, upgrader }, h.clock),
    log: quiet,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const requests: Array<{ path: string; body: string | ArrayBuffer; openid?: string; event: unknown }> = [];
  for (const fn of [...FUZZED_FUNCTIONS, 'dev' as const]) {
    for (let i = 0; i < perFunction; i++) {
      const { event: valid, openid } = world.validEvent(fn === 'dev' ? 'verifier' : fn, rng);
      const event = rng.chance(0.85) ? world.mutate(fn === 'dev' ? { token: valid.token, scene: valid.scene } : valid, rng) : valid;
      const path = fn === 'dev' ? '/dev/verify-as-demo-terminal' : `/fn/${fn}`;
      requests.push({ path, body: jsonOr(event, RAW_BODIES[7] as string), openid, event });
    }
  }
  RAW_BODIES.forEach((body, i) => requests.push({ path: i % 2 ? '/fn/verifier' : '/fn/citizen', body, openid: 'fuzz-raw', event: `raw body #${i}` }));
  try {
    for (const { path, body, openid, event } of requests) {
      const before = rows();
      const started = performance.now();
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (openid && /^[\x20-\x7e]+$/.test(openid)) headers['X-Dev-Openid'] = openid;
      let response: Response;
      let text: string;
      try {
        response = await fetch(base + path, { method: 'POST', headers, body });
        text = await response.text();
      } catch (error) {
        // Only an oversized body may be cut off without an answer.
        if ((typeof body === 'string' ? body.length : body.byteLength) <= MAX_BODY_BYTES) report.violations.push(`http ${path}: no answer (${error instanceof Error ? error.message : 'error'}) for ${preview(event)}`);
        record(report.http, { ok: false, code: 'connection cut' }, performance.now() - started);
        continue;
      }
      const ms = performance.now() - started;
      report.http.byStatus[response.status] = (report.http.byStatus[response.status] ?? 0) + 1;
      if (response.status >= 500) report.violations.push(`http ${path}: status ${response.status} for ${preview(event)}`);
      if (response.status === 200) {
        const answer = JSON.parse(text) as Answer;
        check(`http ${path}`, event, answer, ms, before, report.http);
        world.observe(event, openid, answer);
      } else record(report.http, { ok: false, code: `HTTP ${response.status}` }, ms);
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function jsonOr(value: unknown, fallback: string): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return fallback; // deeper than JSON.stringify goes: send a deep body written out by hand
  }
}

function preview(event: unknown): string {
  try {
    const text = JSON.stringify(event) ?? String(event);
    return text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
  } catch {
    return '(too deep to print)';
  }
}

/** The collector, when node was started with --expose-gc or lets us turn it on; undefined when neither. */
function forcedGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

export function formatReport(report: FuzzReport): string[] {
  const line = (name: string, f: Figures) => {
    const top = Object.entries(f.codes).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([code, n]) => `${code} ${n}`).join(', ');
    return `  ${name.padEnd(9)} events ${String(f.events).padStart(6)}  ok ${String(f.ok).padStart(5)}  rejected ${String(f.rejected).padStart(6)}  max ${f.maxMs.toFixed(1).padStart(7)} ms  (${top})`;
  };
  const { options, heap } = report;
  return [
    `fuzz, seed ${options.seed}: ${options.eventsPerFunction} events per function, ${options.httpEventsPerFunction} per function and route over HTTP`,
    ...FUZZED_FUNCTIONS.map((fn) => line(fn, report.direct[fn])),
    line('http', report.http),
    `  actions never answered ok: ${neverOk(report.actions).join(', ') || 'none'}`,
    `  http statuses ${Object.entries(report.http.byStatus).map(([s, n]) => `${s}×${n}`).join(' ')}`,
    `  heap ${heap.deltaMb >= 0 ? '+' : ''}${heap.deltaMb.toFixed(1)} MB after GC between the two halves${heap.gcForced ? '' : ' (no GC available: rough)'}`,
    `  violations ${report.violations.length}`,
    ...report.violations.map((v) => `    ${v}`),
  ];
}
