/**
 * The SIMULATED demo verifier terminal: a registered terminal whose key lives
 * in the emulator's data folder (server/clients/demo-terminal-key), so the
 * staff page of the h5 simulator and the offline CLI's --online check can
 * verify without a terminal of their own; likewise the SIMULATED upgrade
 * terminal, which `npm run terminal -- upgrade` plays. It exists only in the emulator;
 * deployed terminals hold their own keys.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PRESENTABLE_SCENES } from '../../core/scenes';
import type { TerminalCredential } from '../clients/assertions';
import type { Scene } from '../../core/scenes';
import { DEMO_TERMINAL_ID, DEMO_UPGRADE_TERMINAL_ID, demoTerminalKeyFile, loadDemoTerminal } from '../clients/demo-terminal-key';
import type { Deps } from '../domain/deps';

const DEMO_TERMINALS: Record<string, { organisation: string; city: string; scenes: Scene[] }> = {
  [DEMO_TERMINAL_ID]: { organisation: '模拟核验终端 (Simulated demo terminal)', city: '北京', scenes: [...PRESENTABLE_SCENES] },
  [DEMO_UPGRADE_TERMINAL_ID]: { organisation: '模拟彩色网证升级终端 (Simulated upgrade terminal)', city: '440100', scenes: ['upgrade'] },
};

/** Loads a demo terminal's key (creating it on first start) and makes sure the terminal is registered. */
export async function ensureDemoTerminal(deps: Deps, dataDir: string, terminalId: string = DEMO_TERMINAL_ID): Promise<TerminalCredential> {
  const keyFile = demoTerminalKeyFile(dataDir, terminalId);
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const credential = loadDemoTerminal(dataDir, terminalId);
  if (!(await deps.store.getTerminal(terminalId))) {
    const { x, y } = createPublicKey(credential.privateKey).export({ format: 'jwk' });
    await deps.store.insertTerminal({
      id: terminalId,
      ...DEMO_TERMINALS[terminalId]!,
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x: x!, y: y! },
      enabled: true,
      createdAt: deps.clock.now(),
    });
  }
  return credential;
}
