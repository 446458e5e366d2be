/**
 * `npm run admin -- <command>`: an administrator's tools for partners and
 * tiles against the emulator (or a deployed admin function), each call signed
 * with a fresh HS256 admin assertion.
 *
 *   partners                                    list partners
 *   partners add --name … --credit-code … --contact … --scopes a,b --domains d1,d2 [--app-ids wx…] --public-key <jwk file>
 *   tiles [--status pending|approved|rejected|suspended]
 *   approve <tileId> [--version N]              default: the tile's pending version
 *   reject <tileId> --reason "…" [--version N]  the partner reads the reason
 *   suspend <tileId> [--lift]                   hide a tile at once (or reinstate it)
 *   suspend --partner <partnerId> [--lift]      suspend a partner and all its tiles (or reinstate it)
 *
 *   --url <base> | --endpoint <url>             the emulator (default http://127.0.0.1:8787) or a deployed admin function
 *   --data-dir <dir>                            where the emulator's development admin key is (default .data); EID_ADMIN_KEY overrides
 */
import { parseArgs } from 'node:util';
import type { PartnerView, TileStatusView } from '../../core/services-api';
import { loadAdminKey } from '../clients/admin-key';
import { signAdminAssertion } from '../clients/assertions';
import { answerOf, csv, ENDPOINT_OPTIONS, endpointOf, type FunctionCliIo } from './function-endpoint';
import { describeTile } from './partner';

const USAGE = 'usage: npm run admin -- <partners [add …] | tiles [--status s] | approve <tileId> | reject <tileId> --reason … | suspend <tileId>|--partner <id> [--lift]>';

export async function runAdminCli(argv: string[], io: FunctionCliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...ENDPOINT_OPTIONS,
      status: { type: 'string' },
      version: { type: 'string' },
      reason: { type: 'string' },
      lift: { type: 'boolean', default: false },
      partner: { type: 'string' },
      name: { type: 'string' },
      'credit-code': { type: 'string' },
      contact: { type: 'string' },
      scopes: { type: 'string' },
      domains: { type: 'string' },
      'app-ids': { type: 'string' },
      'public-key': { type: 'string' },
    },
  });
  const adminKey = loadAdminKey(io.env, values['data-dir'] ?? '.data');
  const call = async <T>(event: Record<string, unknown>) =>
    answerOf<T>(await io.postJson(endpointOf('admin', values), { ...event, assertion: signAdminAssertion(adminKey, io.now()) }), io);
  const [command, argument] = positionals;

  switch (command) {
    case 'partners': {
      if (argument === 'add') {
        const added = await call<{ partnerId: string }>({
          action: 'onboardPartner',
          name: values.name,
          creditCode: values['credit-code'],
          contact: values.contact,
          scopes: csv(values.scopes),
          domains: csv(values.domains),
          appIds: csv(values['app-ids']),
          publicKeyJwk: values['public-key'] ? JSON.parse(io.readFile(values['public-key'])) : undefined,
        });
        if (!added) return 1;
        io.out(`partner ${added.partnerId} onboarded`);
        return 0;
      }
      const listed = await call<{ partners: PartnerView[] }>({ action: 'listPartners' });
      if (!listed) return 1;
      for (const p of listed.partners) io.out(`${p.partnerId}  ${p.status.padEnd(9)} ${p.creditCode}  ${p.name}  scopes: ${p.scopes.join(',')}  domains: ${p.domains.join(',')}`);
      return 0;
    }
    case 'tiles': {
      const listed = await call<{ tiles: TileStatusView[] }>({ action: 'listTiles', ...(values.status && { status: values.status }) });
      if (!listed) return 1;
      for (const tile of listed.tiles) io.out(`${describeTile(tile)}  by ${tile.partnerName}`);
      return 0;
    }
    case 'approve':
    case 'reject': {
      if (!argument || (command === 'reject' && !values.reason)) break;
      const version = values.version ? Number(values.version) : await pendingVersion(argument, call);
      if (version === null) {
        io.out(`tile ${argument} has no version waiting for review`);
        return 1;
      }
      const event = command === 'approve' ? { action: 'approveTile' } : { action: 'rejectTile', reason: values.reason };
      if (!(await call({ ...event, tileId: argument, version }))) return 1;
      io.out(`tile ${argument} version ${version} ${command === 'approve' ? 'approved' : 'rejected'}`);
      return 0;
    }
    case 'suspend': {
      if (values.partner) {
        if (!(await call({ action: 'setPartnerStatus', partnerId: values.partner, status: values.lift ? 'active' : 'suspended' }))) return 1;
        io.out(`partner ${values.partner} ${values.lift ? 'reinstated' : 'suspended'}`);
        return 0;
      }
      if (!argument) break;
      if (!(await call({ action: 'suspendTile', tileId: argument, suspended: !values.lift }))) return 1;
      io.out(`tile ${argument} ${values.lift ? 'reinstated' : 'suspended'}`);
      return 0;
    }
  }
  io.out(USAGE);
  return 2;
}

/** The latest version of a tile if it waits for review, or null. */
async function pendingVersion(tileId: string, call: <T>(event: Record<string, unknown>) => Promise<T | null>): Promise<number | null> {
  const listed = await call<{ tiles: TileStatusView[] }>({ action: 'listTiles', status: 'pending' });
  const versions = listed?.tiles.find((t) => t.tileId === tileId)?.versions ?? [];
  const latest = versions[versions.length - 1];
  return latest?.status === 'pending' ? latest.version : null;
}
