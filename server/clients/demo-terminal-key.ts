/**
 * Where the emulator keeps the SIMULATED demo terminal's key, written once:
 * the emulator creates it there, and the CLI, the bench and the tests read it
 * to act as that terminal. Development only; deployed terminals hold their own keys.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TerminalCredential } from './assertions';

export const DEMO_TERMINAL_ID = 'vt_simulated_demo';
/** The SIMULATED upgrade terminal: the only scene it may serve is the colour upgrade. */
export const DEMO_UPGRADE_TERMINAL_ID = 'vt_simulated_upgrade';

export function demoTerminalKeyFile(dataDir: string, terminalId: string = DEMO_TERMINAL_ID): string {
  return join(dataDir, 'keys', terminalId === DEMO_TERMINAL_ID ? 'demo-terminal-es256.pem' : `${terminalId}-es256.pem`);
}

/** A demo terminal's credential (the verifier by default, or the upgrade terminal), read from an emulator's data folder. */
export function loadDemoTerminal(dataDir: string, terminalId: string = DEMO_TERMINAL_ID): TerminalCredential {
  return { terminalId, privateKey: createPrivateKey(readFileSync(demoTerminalKeyFile(dataDir, terminalId))) };
}
