/** Process wiring for the verify CLI: real fetch, clock and the emulator's SIMULATED demo terminal key. */
import { loadDemoTerminal } from '../clients/demo-terminal-key';
import { runVerifyCli } from './verify-token';

runVerifyCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  fetchJson: async (url, init) => {
    const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json' } });
    return response.json();
  },
  now: () => new Date(),
  terminal: loadDemoTerminal,
})
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
