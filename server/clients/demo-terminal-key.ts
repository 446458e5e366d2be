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

export function demoTerminalKeyFile(dataDir: string): string {
  return join(dataDir, 'keys', 'demo-terminal-es256.pem');
}

/** The demo terminal's credential, read from an emulator's data folder. */
export function loadDemoTerminal(dataDir: string): TerminalCredential {
  return { terminalId: DEMO_TERMINAL_ID, privateKey: createPrivateKey(readFileSync(demoTerminalKeyFile(dataDir))) };
}
