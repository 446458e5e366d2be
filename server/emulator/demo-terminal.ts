/**
 * The SIMULATED demo verifier terminal: a registered terminal whose key lives
 * in the emulator's data folder, so the staff page of the h5 simulator and
 * the offline CLI's --online check can verify without a terminal of their
 * own. It exists only in the emulator; deployed terminals hold their own keys.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { PRESENTABLE_SCENES } from '../../core/scenes';
import type { Deps } from '../domain/deps';
import { VERIFIER_AUDIENCE } from '../functions/auth/terminal-assertions';

export interface TerminalCredential {
  terminalId: string;
  privateKey: KeyObject;
}

export const DEMO_TERMINAL_ID = 'vt_simulated_demo';

/** Signs a terminal assertion valid for `seconds` (at most 300). */
export function signTerminalAssertion(credential: TerminalCredential, now: Date, seconds = 120): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ iat, exp: iat + seconds, iss: credential.terminalId, aud: VERIFIER_AUDIENCE }, credential.privateKey, {
    algorithm: 'ES256',
    keyid: credential.terminalId,
  });
}

/** Loads the demo terminal's key (creating it on first start) and makes sure the terminal is registered. */
export async function ensureDemoTerminal(deps: Deps, dataDir: string): Promise<TerminalCredential> {
  const keyFile = join(dataDir, 'keys', 'demo-terminal-es256.pem');
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  if (!existsSync(keyFile)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(keyFile));
  if (!(await deps.store.getTerminal(DEMO_TERMINAL_ID))) {
    const { x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
    await deps.store.insertTerminal({
      id: DEMO_TERMINAL_ID,
      organisation: '模拟核验终端 (Simulated demo terminal)',
      city: '北京',
      scenes: [...PRESENTABLE_SCENES],
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x: x!, y: y! },
      enabled: true,
      createdAt: deps.clock.now(),
    });
  }
  return { terminalId: DEMO_TERMINAL_ID, privateKey };
}
