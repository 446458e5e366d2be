/**
 * `npm run terminal -- upgrade <code>` against a running emulator: the
 * SIMULATED upgrade terminal upgrades a card over HTTP and refuses a failed
 * in-person check and a wrong password with their codes. SYNTHETIC person.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FaceChallengeView } from '../../core/api';
import { loadDemoTerminal } from '../../server/clients/demo-terminal-key';
import type { FunctionCliIo } from '../../server/cli/function-endpoint';
import { postJsonWithFetch } from '../../server/cli/run-function-cli';
import { runTerminalCli } from '../../server/cli/terminal';
import { startEmulator, type RunningEmulator } from '../support/emulator-process';
import { enrollOverHttp, post } from '../support/http-citizen';
import { personFor, typed } from '../support/people';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, 30000);
afterAll(() => emulator.stop());

async function terminal(...argv: string[]) {
  const lines: string[] = [];
  const io: FunctionCliIo & { terminal: typeof loadDemoTerminal } = {
    out: (line) => lines.push(line),
    postJson: postJsonWithFetch,
    now: () => new Date(),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeSecretFile: (path, text) => writeFileSync(path, text, { mode: 0o600, flag: 'wx' }),
    env: {},
    terminal: loadDemoTerminal,
  };
  const code = await runTerminalCli([...argv, '--url', emulator.baseUrl, '--data-dir', emulator.dataDir], io);
  return { code, out: lines.join('\n') };
}

async function withFace(openid: string, action: string, fields: Record<string, unknown>) {
  const face = (await post(emulator.baseUrl, '/fn/citizen', { action: 'startFace' }, openid)) as unknown as FaceChallengeView;
  const proof = { faceSessionId: face.sessionId, liveness: { actions: face.actions, digits: face.digits }, faceCapture: 'simulated-capture:http' };
  return post(emulator.baseUrl, '/fn/citizen', { action, ...proof, ...fields }, openid);
}

it('upgrades a card from a shell as the SIMULATED upgrade terminal, and names each refusal', async () => {
  const openid = 'dev-terminal-cli';
  expect(await enrollOverHttp(emulator.baseUrl, openid, typed(personFor('ordinary', 2)))).toMatchObject({ ok: true });
  expect((await withFace(openid, 'setCardPassword', { password: '73920561' })).ok).toBe(true);
  const code = ((await post(emulator.baseUrl, '/fn/citizen', { action: 'presentUpgrade' }, openid)) as { token?: string }).token!;

  expect(await terminal('upgrade')).toMatchObject({ code: 2 });
  const failed = await terminal('upgrade', code, '--password', '73920561', '--face-failed');
  expect(failed).toMatchObject({ code: 1 });
  expect(failed.out).toContain('REFUSED IN_PERSON_CHECK_FAILED (face)');
  const wrong = await terminal('upgrade', code, '--password', '00011122');
  expect(wrong.out).toContain('REFUSED PASSWORD_WRONG');

  const done = await terminal('upgrade', code, '--password', '73920561');
  expect(done).toMatchObject({ code: 0 });
  expect(done.out).toContain('UPGRADED: the card is now colour');
  expect(await post(emulator.baseUrl, '/fn/citizen', { action: 'getCard' }, openid)).toMatchObject({ card: { level: 'colour' } });
}, 60000);
