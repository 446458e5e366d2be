/**
 * The services journey's figures for `npm run bench`: partner code exchanges
 * per second over HTTP (each a fresh ES256 partner assertion whose id is
 * spent, the code's signature and one-time use, the grant, the card, the
 * release of the granted attributes, the pairwise subject, the exchange
 * record and the issuer's ES256 signature over the release), and the
 * services subpackage's share of the weapp build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_TILES, loadDemoPartner } from '../server/clients/demo-partner-key';
import { signPartnerAssertion } from '../server/clients/partner-kit';
import { MAIN_PACKAGE_BUDGET_BYTES, weappSizes } from '../scripts/weapp-size';
import type { RunningEmulator } from '../test/support/emulator-process';
import { post } from '../test/support/http-citizen';
import { httpLoad, type LoadResult } from './http-load';

/**
 * `openid` must hold an enrolled card. Codes and assertions are made before
 * the timed run (a citizen's taps and a partner's signing are not the
 * service's work); the timed run is the exchanges alone.
 */
export async function partnerExchangesOverHttp(
  emulator: RunningEmulator,
  openid: string,
  total: number,
  concurrency: number,
): Promise<{ load: LoadResult; exchangesLost: number }> {
  const base = emulator.baseUrl;
  const tileId = DEMO_TILES.pension;
  const consent = await post(base, '/fn/citizen', { action: 'authorize', tileId, consent: { optional: ['region'], sensitive: [] } }, openid);
  if (!consent.ok) throw new Error(`authorize failed: ${consent.code}`);
  const authorizations = await httpLoad(base, total, concurrency, () => ({ path: '/fn/citizen', openid, body: { action: 'authorize', tileId } }));
  const codes = authorizations.bodies.map((b) => (b as { code: string }).code);

  const partner = loadDemoPartner(emulator.dataDir);
  const assertions = codes.map(() => signPartnerAssertion(partner, new Date(), 300));
  let i = 0;
  const load = await httpLoad(base, codes.length, concurrency, () => {
    const k = i++;
    return { path: '/fn/partner', body: { action: 'exchange', assertion: assertions[k], code: codes[k] } };
  });

  const db = new Database(join(emulator.dataDir, 'eid.sqlite'), { readonly: true });
  const recorded = db.prepare('SELECT COUNT(*) FROM exchanges').pluck().get() as number;
  db.close();
  return { load, exchangesLost: load.ok - recorded };
}

/** The services subpackage against the whole weapp build and the main package's budget, if dist/weapp is built. */
export function servicesShareOfWeapp(dir = join(__dirname, '..', 'dist', 'weapp')) {
  if (!existsSync(join(dir, 'app.json'))) return null;
  const sizes = weappSizes(dir);
  const services = sizes.subpackages['pages/services'] ?? 0;
  return {
    servicesSubpackageBytes: services,
    servicesShareOfWeapp: Math.round((services / sizes.total) * 1000) / 1000,
    weappMainPackageBytes: sizes.main,
    weappMainPackageBudgetBytes: MAIN_PACKAGE_BUDGET_BYTES,
  };
}
