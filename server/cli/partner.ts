/**
 * `npm run partner -- <command>`: a partner's tools against the emulator (or
 * a deployed partner function), signing each call with a fresh assertion.
 *
 *   submit <manifest.json> [--tile <tileId>]   submit a new tile, or a new version of one
 *   status [<tileId>]                          your tiles: review state, serving version, rejection reasons
 *   schema                                     print the tile manifest's JSON Schema
 *   keygen [--out <dir>]                       a new ES256 key pair: partner-es256.pem (keep it) and partner-public.jwk.json (for onboarding)
 *
 *   --url <base>         the emulator (default http://127.0.0.1:8787)
 *   --endpoint <url>     a deployed partner function's URL instead
 *   --partner-id <id>    default: the emulator's SIMULATED demo partner (pt_simulated_demo)
 *   --key <pem file>     your ES256 private key; default: the demo partner's key in --data-dir
 *   --data-dir <dir>     the emulator's data folder (default .data)
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SubmittedTileView, TileStatusView } from '../../core/services-api';
import { DEMO_PARTNER_ID, demoPartnerKeyFile, loadDemoPartner } from '../clients/demo-partner-key';
import { signPartnerAssertion, type PartnerCredential } from '../clients/partner-kit';
import { answerOf, ENDPOINT_OPTIONS, endpointOf, type FunctionCliIo } from './function-endpoint';
import { tileManifestJsonSchema } from './tile-manifest-schema';

const USAGE = 'usage: npm run partner -- <submit <manifest.json> [--tile id] | status [tileId] | schema | keygen [--out dir]> [--url … | --endpoint …] [--partner-id … --key …]';

/** Returns the process exit code: 0 when the command did what it was asked. */
export async function runPartnerCli(argv: string[], io: FunctionCliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...ENDPOINT_OPTIONS,
      'partner-id': { type: 'string' },
      key: { type: 'string' },
      tile: { type: 'string' },
      out: { type: 'string', default: '.' },
    },
  });
  const [command, argument] = positionals;
  if (command === 'schema') return print(io, tileManifestJsonSchema());
  if (command === 'keygen') return keygen(io, values.out ?? '.');
  if (command !== 'submit' && command !== 'status') {
    io.out(USAGE);
    return 2;
  }

  const credential = credentialFrom(values, io);
  const call = async <T>(event: Record<string, unknown>) =>
    answerOf<T>(await io.postJson(endpointOf('partner', values), { ...event, assertion: signPartnerAssertion(credential, io.now()) }), io);

  if (command === 'submit') {
    if (!argument) {
      io.out(USAGE);
      return 2;
    }
    const manifest = JSON.parse(io.readFile(argument)) as unknown;
    const submitted = await call<SubmittedTileView>({ action: 'submitTile', manifest, ...(values.tile && { tileId: values.tile }) });
    if (!submitted) return 1;
    io.out(`tile ${submitted.tileId} version ${submitted.version}: ${submitted.status === 'pending' ? 'pending review by an admin' : 'approved (serving now)'}`);
    return 0;
  }
  const status = await call<{ tiles: TileStatusView[] }>({ action: 'tileStatus', ...(argument && { tileId: argument }) });
  if (!status) return 1;
  if (status.tiles.length === 0) io.out('no tiles yet');
  for (const tile of status.tiles) io.out(describeTile(tile));
  return 0;
}

export function describeTile(tile: TileStatusView): string {
  const latest = tile.versions[tile.versions.length - 1];
  const serving = tile.servingVersion === null ? 'nothing serving' : `serving version ${tile.servingVersion}`;
  const title = latest.manifest.title.zh;
  const reason = latest.reason ? ` — reason: ${latest.reason}` : '';
  return `${tile.tileId}  ${tile.status.padEnd(9)} ${serving}; latest version ${latest.version} ${latest.status}${reason}  (${title})`;
}

function credentialFrom(values: { 'partner-id'?: string; key?: string; 'data-dir'?: string }, io: FunctionCliIo): PartnerCredential {
  if (!values.key) {
    if (values['partner-id'] && values['partner-id'] !== DEMO_PARTNER_ID) throw new Error('--partner-id needs --key');
    const dataDir = values['data-dir'] ?? '.data';
    if (!existsSync(demoPartnerKeyFile(dataDir))) throw new Error(`no demo partner key in ${dataDir}: start the emulator once (npm start), or pass --partner-id and --key`);
    return loadDemoPartner(dataDir);
  }
  if (!values['partner-id']) throw new Error('--key needs --partner-id');
  const privateKey: KeyObject = createPrivateKey(io.readFile(values.key));
  return { partnerId: values['partner-id'], privateKey };
}

function keygen(io: FunctionCliIo, folder: string): number {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
  const keyFile = join(folder, 'partner-es256.pem');
  const jwkFile = join(folder, 'partner-public.jwk.json');
  io.writeSecretFile(keyFile, String(privateKey.export({ format: 'pem', type: 'pkcs8' })));
  io.writeSecretFile(jwkFile, JSON.stringify({ kty: 'EC', crv: 'P-256', x, y }) + '\n');
  io.out(`private key (keep it, never send it): ${keyFile}`);
  io.out(`public key (give it to the admin for onboarding): ${jwkFile}`);
  return 0;
}

function print(io: FunctionCliIo, value: unknown): number {
  io.out(JSON.stringify(value, null, 2));
  return 0;
}
