/**
 * The weapp package sizes as WeChat counts them: the main package is
 * everything in dist/weapp but the subpackages (app.json's subPackages).
 * `npm run size:weapp` prints them; test/weapp/package-size.test.ts holds the
 * main package to WeChat's limit.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** WeChat's limit on the main package (2 MB) is far above ours: the budget. */
export const MAIN_PACKAGE_BUDGET_BYTES = 600 * 1000;

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

export interface WeappSizes {
  total: number;
  subpackages: Record<string, number>;
  main: number;
}

export function weappSizes(dir: string): WeappSizes {
  const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const total = bytesUnder(dir);
  const subpackages: Record<string, number> = {};
  for (const { root } of appJson.subPackages ?? []) subpackages[root] = bytesUnder(join(dir, root));
  const main = total - Object.values(subpackages).reduce((a, b) => a + b, 0);
  return { total, subpackages, main };
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const dir = process.argv[2] ?? join(__dirname, '..', 'dist', 'weapp');
  const sizes = weappSizes(dir);
  console.log(`weapp total ${sizes.total} bytes; main package ${sizes.main} bytes (budget ${MAIN_PACKAGE_BUDGET_BYTES})`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`  subpackage ${root}: ${bytes} bytes`);
}
