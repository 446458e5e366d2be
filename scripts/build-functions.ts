/**
 * Bundles each cloud function (its entry plus the shared domain) into
 * cloudfunctions/<name>/index.js, so that every folder deploys alone.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

const FUNCTIONS = ['citizen', 'verifier', 'partner', 'admin'] as const;
const root = join(__dirname, '..');

async function main() {
  for (const name of FUNCTIONS) {
    const result = await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'main.ts')],
      outfile: join(root, 'cloudfunctions', name, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      sourcemap: true,
      external: ['better-sqlite3'],
      metafile: true,
      logLevel: 'warning',
    });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + (output.bytes ?? 0), 0);
    console.log(`cloudfunctions/${name}/index.js (+map): ${(bytes / 1024).toFixed(1)} KiB`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
