/** Process wiring for the verify CLI: real fetch, clock and the emulator's SIMULATED demo terminal key. */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TERMINAL_ID } from '../emulator/demo-terminal';
import { runVerifyCli } from './verify-token';

runVerifyCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  fetchJson: async (url, init) => {
    const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json' } });
    return response.json();
  },
  now: () => new Date(),
  terminal: (dataDir) => ({
    terminalId: DEMO_TERMINAL_ID,
    privateKey: createPrivateKey(readFileSync(join(dataDir, 'keys', 'demo-terminal-es256.pem'))),
  }),
})
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
