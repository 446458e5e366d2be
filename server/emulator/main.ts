/**
 * `npm start`: the local emulator on 127.0.0.1. Hosts every cloud function,
 * serves the h5 build, the issuer's JWKS and the signed audit checkpoints, and uses the embedded SQLite
 * store and the SIMULATED identity authority.
 */
import { resolve } from 'node:path';
import { AUDIT_CHECKPOINT_INTERVAL_SECONDS } from '../../core/policy';
import { checkpointIfMoved, publishedCheckpoints } from '../adapters/audit/audit-trail';
import { pruneExpired } from '../domain/prune';
import { pruneServices } from '../domain/services/prune-services';
import { composeEmulator } from './compose';
import { ensureDemoPartner } from './demo-partner/seed';
import { DEMO_PARTNER_PREFIX, demoPartnerSite } from './demo-partner/routes';
import { DEMO_UPGRADE_TERMINAL_ID } from '../clients/demo-terminal-key';
import { ensureDemoTerminal } from './demo-terminal';
import { seedUpgradeSites } from './pilot-upgrade-sites';
import { devRoutes } from './dev-routes';
import { createEmulatorServer } from './http-server';
import { consoleLogger } from './logger';
import { startPruning, startRepeating } from './pruning';

const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const dataDir = resolve(process.env.EID_DATA_DIR ?? '.data');
const staticDir = resolve(__dirname, '../../dist/h5');
const log = consoleLogger(process.env.EID_QUIET === '1');

async function main() {
  const emulator = composeEmulator({ dataDir, log, env: process.env });
  const demo = await ensureDemoTerminal(emulator.deps, dataDir);
  const upgrader = await ensureDemoTerminal(emulator.deps, dataDir, DEMO_UPGRADE_TERMINAL_ID);
  await seedUpgradeSites(emulator.deps);
  const origin = `http://${HOST}:${port}`;
  const demoPartner = await ensureDemoPartner(emulator.deps, emulator.services, dataDir, origin);
  const server = createEmulatorServer({
    functions: emulator.functions,
    jwks: () => emulator.issuer.jwks(),
    auditCheckpoints: async () => ({ checkpoints: await publishedCheckpoints(emulator.deps.store) }),
    devRoutes: devRoutes(emulator.functions.verifier, { verifier: demo, upgrader }, emulator.deps.clock),
    staticDir,
    sites: { [DEMO_PARTNER_PREFIX]: demoPartnerSite({ origin, credential: demoPartner, log }) },
    log,
  });

  const stopPruning = startPruning(async () => ({ ...(await pruneExpired(emulator.deps)), ...(await pruneServices(emulator.deps, emulator.services)) }), log);
  const stopCheckpoints = startRepeating(
    'audit checkpoint',
    async () => log.info('audit checkpoint', await checkpointIfMoved(emulator.deps.store, emulator.issuer.current, emulator.deps.clock.now())),
    log,
    AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000,
  );

  server.listen(port, HOST, () => {
    console.log(`e-ID Card local emulator (SIMULATED identity authority, development keys)`);
    console.log(`  app:       http://${HOST}:${port}/`);
    console.log(`  functions: POST http://${HOST}:${port}/fn/{citizen|verifier|partner|admin}`);
    console.log(`  JWKS:      http://${HOST}:${port}/.well-known/jwks.json`);
    console.log(`  audit:     http://${HOST}:${port}/audit/checkpoints (signed usage-chain checkpoints; npm run audit:verify)`);
    console.log(`  data:      ${dataDir}`);
    console.log(`  WARNING: any local process can act as any simulated citizen: it only has to send the header X-Dev-Openid: <any id> (no sign-in)`);
    console.log(`  WARNING: simulator-only route POST /dev/verify-as-demo-terminal returns full names and ID numbers to any local caller`);
    console.log(`  WARNING: simulator-only route POST /dev/upgrade-as-demo-terminal lets any local caller upgrade a card whose code and card password it holds`);
    console.log(`  bound to ${HOST} only; /fn and /dev refuse other Host names, other origins and bodies that are not JSON`);
    console.log(`  demo partner (simulated): ${origin}${DEMO_PARTNER_PREFIX}, its tiles on the app's services page (政务服务)`);
    console.log(`  demo verifier terminal (simulated): ${demo.terminalId}`);
    console.log(`  demo upgrade terminal (simulated): ${upgrader.terminalId}, played by its page (核验人员入口 → 模拟升级终端) or: npm run terminal -- upgrade <code> --password <8 digits>`);
  });

  const shutdown = () => {
    stopPruning();
    stopCheckpoints();
    server.close();
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('the emulator could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
