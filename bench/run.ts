/**
 * `npm run bench`: prints a table and writes bench/results.json. Every speed
 * is also given as a ratio to raw single-core ES256 verifications per second
 * (`crypto.verify`, synchronous) measured in the same run: the machine is
 * shared and noisy, so absolute rates drift between runs and ratios do not.
 *
 * 1. verifyRatio: in-process token checks per second (Base45, CBOR, COSE,
 *    issuer signature on the crypto thread pool, validity, scene) with 8 in
 *    flight, divided by the raw rate; median of 5 alternating rounds.
 * 2. HTTP against the emulator process, concurrency 16, every request a fresh
 *    token whose use and usage record are written: with terminal sessions
 *    (httpVerifyRatio, p50/p99) and with a fresh ES256 assertion per request
 *    (httpAssertionVerifyRatio). recordsLost counts successes without a record.
 * 3. The QR version (error correction M) of each scene's token.
 * 4. The deployed functions (bench/functions.ts): bundle size, cold require
 *    and first answer of each, and the store contract's pass count per store.
 * 5. partnerExchangesPerSec: partner code exchanges over HTTP with a fresh
 *    ES256 assertion each (partnerExchangeRatio against the same raw rate),
 *    and the services subpackage's share of the weapp build (partner-exchanges.ts).
 * 6. Lifecycle (bench/lifecycle.ts): card password hash cost (ms per scrypt
 *    hash), report-lost and reinstate round trips over HTTP, a whole upgrade
 *    at the simulated terminal (goal < 300 ms), the upgrade code's QR version.
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TerminalSessionView } from '../core/api';
import { PRESENTABLE_SCENES } from '../core/scenes';
import { withTerminalAssertion } from '../server/clients/assertions';
import { loadDemoTerminal } from '../server/clients/demo-terminal-key';
import { TerminalSessionClient } from '../server/clients/terminal-session';
import { checkPresentationOffline } from '../server/token/check-presentation';
import { startEmulator } from '../test/support/emulator-process';
import { createHarness } from '../test/support/harness';
import { enrollOverHttp, post } from '../test/support/http-citizen';
import { enrolled, presentToken } from '../test/support/journeys';
import { personFor, typed } from '../test/support/people';
import { httpLoad, type LoadResult } from './http-load';
import { partnerExchangesOverHttp, servicesShareOfWeapp } from './partner-exchanges';
import { qrVersion } from './qr-version';
import { COLD_REQUIRE_GOAL_MS, contractPassCounts, functionFigures } from './functions';
import { lifecycleFigures } from './lifecycle';

const SECONDS_PER_RATE = Number(process.env.BENCH_SECONDS ?? 2);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 20000);
const HTTP_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const IN_FLIGHT = 8;
const ROUNDS = 5;

/** Runs `op` with `inFlight` calls at a time for about `seconds` and returns operations per second. */
async function rate(op: () => unknown, seconds: number, inFlight = 1): Promise<number> {
  for (let i = 0; i < 200; i++) await op(); // warm-up: JIT and caches
  let count = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (process.hrtime.bigint() - start < budget) {
        for (let i = 0; i < 50; i++) await op();
        count += 50;
      }
    }),
  );
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function rawVerifyOp() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.alloc(120, 7);
  const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return () => verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
}

async function inProcess() {
  const h = createHarness();
  try {
    await enrolled(h, 'bench');
    const rawOp = rawVerifyOp();
    const token = await presentToken(h, 'bench', 'hotel');
    const offlineOp = () => checkPresentationOffline(token, { keys: h.emulator.issuer, now: h.clock.now(), expectedScene: 'hotel' });
    // Alternating short rounds, median of the per-round ratios: the machine's speed drifts
    // between two long back-to-back measurements more than between neighbouring rounds.
    const rounds: Array<{ raw: number; offline: number }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push({ raw: await rate(rawOp, SECONDS_PER_RATE / 4), offline: await rate(offlineOp, SECONDS_PER_RATE / 4, IN_FLIGHT) });
    }
    const qr = Object.fromEntries(await Promise.all(PRESENTABLE_SCENES.map(async (s) => [s, qrVersion(await presentToken(h, 'bench', s))])));
    return {
      rawVerify: median(rounds.map((r) => r.raw)),
      offline: median(rounds.map((r) => r.offline)),
      offlineRatio: median(rounds.map((r) => r.offline / r.raw)),
      qr,
    };
  } finally {
    await h.close();
  }
}

async function overHttp() {
  const emulator = await startEmulator();
  try {
    const base = emulator.baseUrl;
    const enrollment = await enrollOverHttp(base, 'dev-bench', typed(personFor('ordinary')));
    if (!enrollment.ok) throw new Error(`enrollment failed: ${enrollment.code}`);
    const terminal = loadDemoTerminal(emulator.dataDir);
    const freshTokens = async () => {
      const presents = await httpLoad(base, HTTP_REQUESTS, HTTP_CONCURRENCY, () => ({
        path: '/fn/citizen',
        openid: 'dev-bench',
        body: { action: 'present', scene: 'hotel' },
      }));
      return presents.bodies.map((b) => (b as { token: string }).token);
    };

    // Terminal sessions: one assertion, then an HMAC per request.
    const opened = await post(base, '/fn/verifier', withTerminalAssertion(terminal, new Date(), { action: 'openSession' }));
    if (!opened.ok) throw new Error(`openSession failed: ${opened.code}`);
    const session = new TerminalSessionClient(opened as unknown as TerminalSessionView);
    const sessionTokens = await freshTokens();
    let i = 0;
    const withSession = await httpLoad(base, sessionTokens.length, HTTP_CONCURRENCY, () => {
      const token = sessionTokens[i++];
      return { path: '/fn/verifier', body: session.withSession({ action: 'verify', scene: 'hotel', token }) };
    });

    // The simple integrator's path: a fresh ES256 assertion made for each request (signed ahead, outside the timing).
    const assertionTokens = await freshTokens();
    const assertionRequests = assertionTokens.map((token) => withTerminalAssertion(terminal, new Date(), { action: 'verify', scene: 'hotel', token }, 300));
    let j = 0;
    const withAssertion = await httpLoad(base, assertionTokens.length, HTTP_CONCURRENCY, () => ({ path: '/fn/verifier', body: assertionRequests[j++] }));

    const db = new Database(join(emulator.dataDir, 'eid.sqlite'), { readonly: true });
    const usages = db.prepare('SELECT COUNT(*) FROM usages').pluck().get() as number;
    db.close();
    const exchanges = await partnerExchangesOverHttp(emulator, 'dev-bench', Math.min(HTTP_REQUESTS, 5000), HTTP_CONCURRENCY);
    return { withSession, withAssertion, recordsLost: withSession.ok + withAssertion.ok - usages, exchanges };
  } finally {
    await emulator.stop();
  }
}

/** The raw single-core rate right after an HTTP run, the reference its ratio is taken against. */
async function rawNow(): Promise<number> {
  const op = rawVerifyOp();
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) rates.push(await rate(op, SECONDS_PER_RATE / 4));
  return median(rates);
}

async function main() {
  const local = await inProcess();
  const http = await overHttp();
  const rawAfterHttp = await rawNow();
  const functions = await functionFigures();
  const lifecycle = await lifecycleFigures();
  const storeContract = contractPassCounts();
  const raw = median([local.rawVerify, rawAfterHttp]);
  const ratio = (load: LoadResult) => round(load.perSecond / raw, 3);
  const results = {
    verifyRatio: round(local.offlineRatio, 3),
    httpVerifyRatio: ratio(http.withSession),
    httpP50Ms: round(http.withSession.p50Ms, 2),
    httpP99Ms: round(http.withSession.p99Ms, 2),
    httpAssertionVerifyRatio: ratio(http.withAssertion),
    httpAssertionP99Ms: round(http.withAssertion.p99Ms, 2),
    recordsLost: http.recordsLost,
    partnerExchangesPerSec: Math.round(http.exchanges.load.perSecond),
    partnerExchangeRatio: ratio(http.exchanges.load),
    partnerExchangeP99Ms: round(http.exchanges.load.p99Ms, 2),
    partnerExchangeSuccesses: http.exchanges.load.ok,
    exchangesLost: http.exchanges.exchangesLost,
    ...servicesShareOfWeapp(),
    qrVersionMax: Math.max(...(Object.values(local.qr) as number[]), lifecycle.upgradeCodeQrVersion),
    ...lifecycle,
    rawEs256VerifiesPerSec: Math.round(raw),
    offlineChecksPerSec: Math.round(local.offline),
    httpVerifiesPerSec: Math.round(http.withSession.perSecond),
    httpAssertionVerifiesPerSec: Math.round(http.withAssertion.perSecond),
    httpConcurrency: HTTP_CONCURRENCY,
    httpRequests: http.withSession.count + http.withAssertion.count,
    httpSuccesses: http.withSession.ok + http.withAssertion.ok,
    qrVersionByScene: local.qr,
    machine: `${process.version}, ${require('node:os').cpus().length} cores`,
    functions,
    functionColdRequireGoalMs: COLD_REQUIRE_GOAL_MS,
    storeContract,
    measuredAt: new Date().toISOString(),
  };
  console.table({
    'raw crypto.verify ES256 /s, one core (the reference)': results.rawEs256VerifiesPerSec,
    [`verifyRatio: in-process token checks (${IN_FLIGHT} in flight) / raw, goal ≥ 0.85`]: results.verifyRatio,
    [`httpVerifyRatio: HTTP verifications with terminal sessions (concurrency ${HTTP_CONCURRENCY}) / raw, goal ≥ 1.0`]: results.httpVerifyRatio,
    'HTTP p50 ms': results.httpP50Ms,
    'HTTP p99 ms, goal ≤ 20': results.httpP99Ms,
    'httpAssertionVerifyRatio: fresh ES256 assertion per request / raw': results.httpAssertionVerifyRatio,
    'HTTP p99 ms with assertions': results.httpAssertionP99Ms,
    'HTTP verifications /s (sessions)': results.httpVerifiesPerSec,
    'HTTP verifications /s (assertions)': results.httpAssertionVerifiesPerSec,
    'HTTP successes': results.httpSuccesses,
    'records lost, goal 0': results.recordsLost,
    'partnerExchangesPerSec: HTTP code exchanges, fresh ES256 assertion each': results.partnerExchangesPerSec,
    'partnerExchangeRatio: exchanges / raw': results.partnerExchangeRatio,
    'partner exchange p99 ms': results.partnerExchangeP99Ms,
    'exchanges lost, goal 0': results.exchangesLost,
    'services subpackage bytes (share of the weapp build)':
      results.servicesSubpackageBytes === undefined ? 'weapp not built' : `${results.servicesSubpackageBytes} (${results.servicesShareOfWeapp})`,
    'weapp main package bytes, budget 600000': results.weappMainPackageBytes ?? 'weapp not built',
    'largest QR version (EC M), goal ≤ 8': results.qrVersionMax,
    [`card password hash ms (${results.passwordHashParameters})`]: results.passwordHashMs,
    'report lost round trip ms (HTTP)': results.reportLostRoundTripMs,
    'reinstate round trip ms (HTTP, with its face session)': results.reinstateRoundTripMs,
    'upgrade at a terminal ms (HTTP), goal < 300': results.upgradeRoundTripMs,
  });
  console.table(
    Object.fromEntries(
      Object.entries(functions).map(([name, f]) => [
        `cloudfunctions/${name}`,
        { 'bundle KiB': Math.round(f.bytes / 1024), [`cold require ms (goal ≤ ${COLD_REQUIRE_GOAL_MS})`]: f.coldRequireMs, 'first answer ms': f.firstAnswerMs },
      ]),
    ),
  );
  console.table(Object.fromEntries(Object.entries(storeContract).map(([store, c]) => [`store contract: ${store}`, `${c.passed}/${c.total} pass`])));
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('written to bench/results.json');
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
