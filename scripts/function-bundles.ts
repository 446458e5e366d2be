/**
 * The four deployable function bundles: building them (esbuild, everything a
 * function needs inside its own index.js, so nothing is installed in the
 * cloud and every dependency is the locked one), and loading one in a fresh
 * Node process the way the cloud runtime does (require, then main). Used by
 * `npm run build:functions`, `npm run deploy:check` and `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { FunctionName } from '../core/api';

export const FUNCTIONS: readonly FunctionName[] = ['citizen', 'verifier', 'partner', 'admin'];
export const root = join(__dirname, '..');
export const bundlePath = (name: FunctionName) => join(root, 'cloudfunctions', name, 'index.js');

/**
 * Which functions may carry each platform SDK. tcb-admin-node (old pinned
 * jsonwebtoken and request, server/adapters/cloudbase/database.ts says why
 * they are not reached) only where a store is: since the services journey
 * is deployed, that is every function, the partner function included (its
 * assertion ids, tiles and code exchanges live in the CloudBase services
 * store). wx-server-sdk only where the caller is a citizen. The build fails
 * if a bundle holds one it should not.
 */
export const SDK_ALLOWED: Readonly<Record<string, readonly FunctionName[]>> = {
  'tcb-admin-node': ['citizen', 'verifier', 'partner', 'admin'],
  'wx-server-sdk': ['citizen'],
};

export interface BuiltBundle {
  name: FunctionName;
  bytes: number;
  sdks: string[];
}

const sdksIn = (metafile: Metafile) =>
  Object.keys(SDK_ALLOWED).filter((sdk) => Object.keys(metafile.inputs).some((input) => input.includes(`node_modules/${sdk}/`)));

export async function buildFunctions(): Promise<BuiltBundle[]> {
  const built: BuiltBundle[] = [];
  for (const name of FUNCTIONS) {
    const result = await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'main.ts')],
      outfile: bundlePath(name),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      sourcemap: true,
      external: ['better-sqlite3'],
      metafile: true,
      logLevel: 'warning',
    });
    const sdks = sdksIn(result.metafile);
    const misplaced = sdks.filter((sdk) => !SDK_ALLOWED[sdk].includes(name));
    if (misplaced.length) throw new Error(`cloudfunctions/${name} must not bundle ${misplaced.join(', ')}`);
    built.push({ name, bytes: statSync(bundlePath(name)).size, sdks });
  }
  return built;
}

export interface LoadedBundle {
  /** Milliseconds to require index.js in a fresh process: module evaluation and the start-up composition. */
  requireMs: number;
  /** Milliseconds from require to the answer of the first call (includes requireMs). */
  firstAnswerMs: number;
  result: unknown;
  /** What the function logged at start-up and during the call (its JSON lines). */
  log: string;
}

/** The child: require the bundle, time it, call main once, print one JSON line on a separate descriptor. */
const LOADER = `
const { writeSync } = require('node:fs');
const started = process.hrtime.bigint();
const fn = require(process.argv[1]);
const required = process.hrtime.bigint();
Promise.resolve(fn.main(JSON.parse(process.argv[2]), {})).then((result) => {
  const answered = process.hrtime.bigint();
  writeSync(3, JSON.stringify({ requireMs: Number(required - started) / 1e6, firstAnswerMs: Number(answered - started) / 1e6, result }));
  process.exit(0);
}, (error) => { writeSync(3, JSON.stringify({ thrown: String(error && error.name) })); process.exit(1); });
`;

/** Loads a bundle cold in a fresh Node process with exactly `env` (plus PATH), and calls main(event) once. */
export function loadBundle(name: FunctionName, event: object, env: Record<string, string>): Promise<LoadedBundle> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOADER, bundlePath(name), JSON.stringify(event)], {
      cwd: join(root, 'cloudfunctions', name),
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let log = '';
    let report = '';
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk) => (report += chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const parsed = JSON.parse(report) as LoadedBundle & { thrown?: string };
        if (parsed.thrown) reject(new Error(`cloudfunctions/${name}: main threw ${parsed.thrown}`));
        else resolve({ ...parsed, log });
      } catch {
        reject(new Error(`cloudfunctions/${name} did not load: ${log.slice(0, 2000)}`));
      }
    });
  });
}
