/** The offline verify CLI against a running emulator: offline checks with the JWKS, then --online as the demo terminal. */
import { startEmulator, type RunningEmulator } from '../support/emulator-process';
import { enrollOverHttp, post } from '../support/http-citizen';
import { loadDemoTerminal } from '../../server/clients/demo-terminal-key';
import { personFor, typed } from '../support/people';
import { runVerifyCli, type CliIo } from '../../server/cli/verify-token';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let emulator: RunningEmulator;
let token: string;
beforeAll(async () => {
  emulator = await startEmulator();
  expect((await enrollOverHttp(emulator.baseUrl, 'dev-cli', typed(personFor('ordinary')))).ok).toBe(true);
  const presented = await post(emulator.baseUrl, '/fn/citizen', { action: 'present', scene: 'age_check' }, 'dev-cli');
  token = presented.ok ? (presented.token as string) : '';
});
afterAll(() => emulator.stop());

function cli(now = new Date()) {
  const lines: string[] = [];
  const io: CliIo = {
    out: (line) => lines.push(line),
    fetchJson: async (url, init) => (await fetch(url, { ...init, headers: { 'Content-Type': 'application/json' } })).json(),
    now: () => now,
    terminal: loadDemoTerminal,
  };
  return { io, lines };
}

it('passes offline with a JWKS file and no server call, and says what it did not check', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'eid-jwks-'));
  const jwksFile = join(folder, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify(await (await fetch(`${emulator.baseUrl}/.well-known/jwks.json`)).json()));
  const { io, lines } = cli();
  io.fetchJson = async () => {
    throw new Error('offline mode must not call a server');
  };
  expect(await runVerifyCli([token, '--jwks', jwksFile, '--scene', 'age_check'], io)).toBe(0);
  expect(lines.join('\n')).toMatch(/offline checks passed/);
  expect(lines.join('\n')).toMatch(/NOT CHECKED offline: one-time use and card status/);
});

it('fails offline for the wrong scene and for an expired code', async () => {
  const jwks = `${emulator.baseUrl}/.well-known/jwks.json`;
  const wrong = cli();
  expect(await runVerifyCli([token, '--jwks', jwks, '--scene', 'hotel'], wrong.io)).toBe(1);
  expect(wrong.lines[0]).toBe('OFFLINE CHECK FAILED at "scene": SCENE_NOT_ALLOWED');
  const late = cli(new Date(Date.now() + 120_000));
  expect(await runVerifyCli([token, '--jwks', jwks], late.io)).toBe(1);
  expect(late.lines[0]).toBe('OFFLINE CHECK FAILED at "expiry": CODE_EXPIRED');
});

it('--online uses the code once', async () => {
  const args = [token, '--jwks', `${emulator.baseUrl}/.well-known/jwks.json`, '--online', '--endpoint', `${emulator.baseUrl}/fn/verifier`, '--data-dir', emulator.dataDir];
  const first = cli();
  expect(await runVerifyCli(args, first.io)).toBe(0);
  expect(first.lines.at(-1)).toBe('online check passed; released attributes: {"over18":true}');
  const second = cli();
  expect(await runVerifyCli(args, second.io)).toBe(1);
  expect(second.lines.at(-1)).toBe('ONLINE CHECK FAILED: CODE_USED');
});
