/** Process wiring shared by `npm run partner` and `npm run admin`: real fetch, files, clock and environment, and the exit code. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FunctionCliIo } from './function-endpoint';

/** POST a JSON event and read the JSON answer, as the emulator's HTTP contract has it. */
export async function postJsonWithFetch(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response.json();
}

export function runFunctionCli(name: string, run: (argv: string[], io: FunctionCliIo) => Promise<number>): void {
  run(process.argv.slice(2), {
    out: (line) => console.log(line),
    postJson: postJsonWithFetch,
    now: () => new Date(),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeSecretFile: (path, text) => writeFileSync(path, text, { mode: 0o600, flag: 'wx' }),
    env: process.env,
  })
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    });
}
