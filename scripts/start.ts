/**
 * `npm start`: builds the h5 app with its output kept out of the way, prints
 * one status line (and any warning or error in full), then runs the local
 * emulator, whose startup banner says where everything is.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const BUILD_LOG = join(root, 'dist', 'h5-build.log');

/** Lines worth showing from a build that succeeded: webpack's own warnings, nothing of its progress or asset table. */
export function buildWarnings(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /\bWARNING\b|Deprecation Warning|⚠️/.test(line))
    .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim());
}

function buildH5(): Promise<{ ok: boolean; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(bin('taro'), ['build', '--type', 'h5'], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}

async function main(): Promise<void> {
  process.stdout.write('e-ID Card: building the h5 app… ');
  const build = await buildH5();
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(BUILD_LOG, build.output);
  if (!build.ok) {
    console.log('failed.');
    console.log(build.output.split('\n').slice(-40).join('\n'));
    console.log(`(full build output: ${BUILD_LOG})`);
    process.exit(1);
  }
  const warnings = buildWarnings(build.output);
  console.log(`done in ${build.seconds.toFixed(1)} s${warnings.length ? `, ${warnings.length} warning(s):` : '.'}`);
  warnings.forEach((line) => console.log(`  ${line}`));

  const emulator = spawn(bin('tsx'), [join(root, 'server/emulator/main.ts')], { cwd: root, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => emulator.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  emulator.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) void main();
