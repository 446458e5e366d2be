/** Process wiring for `npm run terminal`: the function CLI's wiring and the emulator's SIMULATED terminal keys. */
import { loadDemoTerminal } from '../clients/demo-terminal-key';
import { runFunctionCli } from './run-function-cli';
import { runTerminalCli } from './terminal';

runFunctionCli('terminal', (argv, io) => runTerminalCli(argv, { ...io, terminal: loadDemoTerminal }));
