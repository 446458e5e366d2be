/**
 * Lifecycle figures for `npm run bench`:
 * - passwordHashMs: one scrypt hash of a card password with the parameters in
 *   code (SCRYPT_PARAMETERS), median of several; an upgrade pays one verify;
 * - stateChange round trips over HTTP against the emulator process: report
 *   lost (one request) and reinstate (its face session and the action), median
 *   of several toggles of one card;
 * - upgradeMs: a whole upgrade at the SIMULATED upgrade terminal over HTTP
 *   (offline checks, password verify, spend, re-sign), goal < 300 ms;
 * - the QR version of an upgrade code.
 */
import { performance } from 'node:perf_hooks';
import type { FaceChallengeView } from '../core/api';
import { SCRYPT_PARAMETERS, ScryptPasswordHasher } from '../server/adapters/keys/scrypt-password-hasher';
import { withTerminalAssertion } from '../server/clients/assertions';
import { DEMO_UPGRADE_TERMINAL_ID, loadDemoTerminal } from '../server/clients/demo-terminal-key';
import { startEmulator } from '../test/support/emulator-process';
import { enrollOverHttp, post } from '../test/support/http-citizen';
import { personFor, typed } from '../test/support/people';
import { qrVersion } from './qr-version';

const TOGGLES = 12;
const HASHES = 8;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number) => Math.round(n * 100) / 100;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export async function lifecycleFigures() {
  const hasher = new ScryptPasswordHasher();
  const hashMs: number[] = [];
  for (let i = 0; i < HASHES; i++) hashMs.push((await timed(() => hasher.hash('73920561')))[1]);

  const emulator = await startEmulator();
  try {
    const base = emulator.baseUrl;
    const citizen = (openid: string, body: object) => post(base, '/fn/citizen', body, openid);
    const faceProof = async (openid: string) => {
      const face = (await citizen(openid, { action: 'startFace' })) as unknown as FaceChallengeView;
      return { faceSessionId: face.sessionId, liveness: { actions: face.actions, digits: face.digits }, faceCapture: 'simulated-capture:bench' };
    };

    const holder = 'dev-bench-lifecycle';
    const enrolled = await enrollOverHttp(base, holder, typed(personFor('ordinary', 3)));
    if (!enrolled.ok) throw new Error(`enrollment failed: ${enrolled.code}`);
    const reportLostMs: number[] = [];
    const reinstateMs: number[] = [];
    for (let i = 0; i < TOGGLES; i++) {
      const [lost, lostMs] = await timed(() => citizen(holder, { action: 'reportLost' }));
      if (!lost.ok) throw new Error(`reportLost failed: ${lost.code}`);
      reportLostMs.push(lostMs);
      const [back, backMs] = await timed(async () => citizen(holder, { action: 'reinstate', ...(await faceProof(holder)) }));
      if (!back.ok) throw new Error(`reinstate failed: ${back.code}`);
      reinstateMs.push(backMs);
    }

    const password = await citizen(holder, { action: 'setCardPassword', password: '73920561', ...(await faceProof(holder)) });
    if (!password.ok) throw new Error(`setCardPassword failed: ${password.code}`);
    await citizen(holder, { action: 'reauth', ...(await faceProof(holder)) });
    const code = ((await citizen(holder, { action: 'presentUpgrade' })) as { token?: string }).token!;
    const terminal = loadDemoTerminal(emulator.dataDir, DEMO_UPGRADE_TERMINAL_ID);
    const upgrade = withTerminalAssertion(terminal, new Date(), { action: 'upgrade', token: code, inPersonCheck: { idCardRead: true, faceMatch: true }, password: '73920561' });
    const [upgraded, upgradeMs] = await timed(() => post(base, '/fn/verifier', upgrade));
    if (!upgraded.ok) throw new Error(`upgrade failed: ${upgraded.code}`);

    return {
      passwordHashMs: round(median(hashMs)),
      passwordHashParameters: `scrypt N=${SCRYPT_PARAMETERS.N} r=${SCRYPT_PARAMETERS.r} p=${SCRYPT_PARAMETERS.p}`,
      reportLostRoundTripMs: round(median(reportLostMs)),
      reinstateRoundTripMs: round(median(reinstateMs)),
      upgradeRoundTripMs: round(upgradeMs),
      upgradeCodeQrVersion: qrVersion(code),
    };
  } finally {
    await emulator.stop();
  }
}
