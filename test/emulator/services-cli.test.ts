/**
 * `npm run partner` and `npm run admin` against a running emulator: a new
 * partner's key pair, onboarding, a tile submitted, reviewed, rejected with a
 * reason the partner reads, suspended; and the published JSON Schema in step
 * with the zod schema.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdminCli } from '../../server/cli/admin';
import type { FunctionCliIo } from '../../server/cli/function-endpoint';
import { runPartnerCli } from '../../server/cli/partner';
import { postJsonWithFetch } from '../../server/cli/run-function-cli';
import { startEmulator, type RunningEmulator } from '../support/emulator-process';
import { syntheticCreditCode } from '../support/services';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, 30000);
afterAll(() => emulator.stop());

const root = join(__dirname, '..', '..');

function io(): FunctionCliIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (line) => lines.push(line),
    postJson: postJsonWithFetch,
    now: () => new Date(),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeSecretFile: (path, text) => writeFileSync(path, text, { mode: 0o600, flag: 'wx' }),
    env: {},
  };
}

const admin = async (...argv: string[]) => {
  const cli = io();
  const code = await runAdminCli([...argv, '--url', emulator.baseUrl, '--data-dir', emulator.dataDir], cli);
  return { code, out: cli.lines.join('\n') };
};

it('publishes the JSON Schema made from the one zod schema', async () => {
  const cli = io();
  expect(await runPartnerCli(['schema'], cli)).toBe(0);
  expect(JSON.parse(cli.lines.join('\n'))).toEqual(JSON.parse(readFileSync(join(root, 'docs/partners/tile-manifest.schema.json'), 'utf8')));
});

it('onboards a partner, whose tile is submitted, approved, rejected with a reason, and suspended', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'eid-partner-'));
  expect(await runPartnerCli(['keygen', '--out', folder], io())).toBe(0);
  expect(statSync(join(folder, 'partner-es256.pem')).mode & 0o077).toBe(0);

  const added = await admin('partners', 'add', '--name', 'CLI 测试社保 (synthetic)', '--credit-code', syntheticCreditCode(4242), '--contact', 'nobody',
    '--scopes', 'birthDate,fullName,region', '--domains', 'pension.example.gov.cn', '--public-key', join(folder, 'partner-public.jwk.json'));
  expect(added.code).toBe(0);
  const partnerId = /partner (pt_[\w-]+) onboarded/.exec(added.out)![1];
  expect((await admin('partners')).out).toContain(partnerId);

  const partner = async (...argv: string[]) => {
    const cli = io();
    const code = await runPartnerCli([...argv, '--url', emulator.baseUrl, '--partner-id', partnerId, '--key', join(folder, 'partner-es256.pem')], cli);
    return { code, out: cli.lines.join('\n') };
  };
  const submitted = await partner('submit', join(root, 'docs/partners/example-tile.json'));
  expect(submitted.out).toMatch(/version 1: pending review/);
  const tileId = /tile (tl_[\w-]+)/.exec(submitted.out)![1];
  expect((await admin('tiles', '--status', 'pending')).out).toContain(tileId);

  expect((await admin('approve', tileId)).out).toBe(`tile ${tileId} version 1 approved`);
  expect((await partner('status', tileId)).out).toMatch(/approved\s+serving version 1/);

  const wider = JSON.parse(readFileSync(join(root, 'docs/partners/example-tile.json'), 'utf8'));
  wider.target.url = 'https://pension.example.gov.cn/eid/v2';
  writeFileSync(join(folder, 'v2.json'), JSON.stringify(wider));
  expect((await partner('submit', join(folder, 'v2.json'), '--tile', tileId)).out).toMatch(/version 2: pending review/);
  expect((await admin('reject', tileId, '--reason', '新地址未备案 (new address not filed)')).code).toBe(0);
  expect((await partner('status')).out).toMatch(/rejected\s+serving version 1; latest version 2 rejected — reason: 新地址未备案/);

  expect((await admin('suspend', tileId)).out).toBe(`tile ${tileId} suspended`);
  expect((await partner('status', tileId)).out).toMatch(/suspended/);
  expect((await admin('suspend', '--partner', partnerId)).code).toBe(0);
  const refused = await partner('status');
  expect([refused.code, refused.out]).toEqual([1, expect.stringMatching(/^REFUSED PARTNER_SUSPENDED/)]);
});

it('prints a refusal with its code, and the usage for an unknown command', async () => {
  const notPending = await admin('approve', 'tl_demo_pension');
  expect([notPending.code, notPending.out]).toEqual([1, 'tile tl_demo_pension has no version waiting for review']);
  const forced = await admin('approve', 'tl_demo_pension', '--version', '1');
  expect(forced.out).toMatch(/^REFUSED TILE_NOT_PENDING/);
  expect((await admin('frobnicate')).code).toBe(2);
});

it('the demo partner is the partner CLI’s default identity in the emulator', async () => {
  const cli = io();
  expect(await runPartnerCli(['status', '--url', emulator.baseUrl, '--data-dir', emulator.dataDir], cli)).toBe(0);
  expect(cli.lines.join('\n')).toMatch(/tl_demo_pension\s+approved/);
});
