/**
 * Starts `npm start`'s emulator (without rebuilding: `npm test` built dist/h5
 * just before) as a child process on a free port with a fresh data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningEmulator {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

const root = join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startEmulator(): Promise<RunningEmulator> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-e2e-'));
  const child: ChildProcess = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'server/emulator/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), EID_DATA_DIR: dataDir, EID_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start:\n${output}`)), 20000);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}:\n${output}`)));
    const poll = setInterval(() => {
      if (output.includes('demo verifier terminal')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    async stop() {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
