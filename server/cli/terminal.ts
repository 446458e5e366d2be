/**
 * `npm run terminal -- upgrade <code> --password <8 digits> [options]`: plays
 * the SIMULATED upgrade terminal of the emulator from a shell. The in-person
 * check (the physical ID card read, the live face match) passes unless a
 * flag says it failed, so every refusal can be tried.
 *
 *   --password <digits>   what the citizen types on the terminal's keypad
 *   --id-card-failed      the physical ID card could not be read
 *   --face-failed         the live face did not match on the terminal
 *   --url <url>           the emulator (default http://127.0.0.1:8787)
 *   --data-dir <dir>      emulator data folder holding the SIMULATED terminal key (default .data)
 */
import { parseArgs } from 'node:util';
import type { UpgradeView } from '../../core/api';
import { withTerminalAssertion, type TerminalCredential } from '../clients/assertions';
import { DEMO_UPGRADE_TERMINAL_ID } from '../clients/demo-terminal-key';
import { ENDPOINT_OPTIONS, answerOf, endpointOf, type FunctionCliIo } from './function-endpoint';

const USAGE = 'usage: npm run terminal -- upgrade <code> --password <8 digits> [--id-card-failed] [--face-failed] [--url http://127.0.0.1:8787]';

export async function runTerminalCli(argv: string[], io: FunctionCliIo & { terminal(dataDir: string, id: string): TerminalCredential }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...ENDPOINT_OPTIONS,
      password: { type: 'string' },
      'id-card-failed': { type: 'boolean', default: false },
      'face-failed': { type: 'boolean', default: false },
    },
  });
  const [command, token] = positionals;
  if (command !== 'upgrade' || !token || values.password === undefined) {
    io.out(USAGE);
    return 2;
  }
  const terminal = io.terminal(values['data-dir'], DEMO_UPGRADE_TERMINAL_ID);
  const answer = await io.postJson(
    endpointOf('verifier', values),
    withTerminalAssertion(terminal, io.now(), {
      action: 'upgrade',
      token,
      inPersonCheck: { idCardRead: !values['id-card-failed'], faceMatch: !values['face-failed'] },
      password: values.password,
    }),
  );
  const upgraded = answerOf<UpgradeView>(answer, io);
  if (!upgraded) return 1;
  io.out(`UPGRADED: the card is now ${upgraded.level} (at ${upgraded.upgradedAt}, SIMULATED terminal ${terminal.terminalId})`);
  return 0;
}
