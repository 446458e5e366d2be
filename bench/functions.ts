/**
 * Figures of the deployed functions for `npm run bench`: each bundle's size,
 * its cold start in a fresh Node process (require of index.js, which composes
 * the production adapters from a complete synthetic environment, and the
 * first answer), and how many store-contract tests pass on each store.
 *
 * Cold require is the median of several fresh processes; the goal is
 * ≤ 150 ms on this machine. It includes evaluating the bundled SDKs
 * (tcb-admin-node, and wx-server-sdk in citizen), which dominate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionName } from '../core/api';
import { PROBE_EVENT, syntheticEnvironment } from '../scripts/deploy-check';
import { buildFunctions, loadBundle, root } from '../scripts/function-bundles';

export const COLD_REQUIRE_GOAL_MS = 150;
const COLD_STARTS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface FunctionFigures {
  bytes: number;
  coldRequireMs: number;
  firstAnswerMs: number;
}

export async function functionFigures(): Promise<Record<FunctionName, FunctionFigures>> {
  const figures = {} as Record<FunctionName, FunctionFigures>;
  for (const { name, bytes } of await buildFunctions()) {
    const runs = [];
    for (let i = 0; i < COLD_STARTS; i++) runs.push(await loadBundle(name, PROBE_EVENT, syntheticEnvironment(name)));
    figures[name] = {
      bytes,
      coldRequireMs: Math.round(median(runs.map((r) => r.requireMs)) * 10) / 10,
      firstAnswerMs: Math.round(median(runs.map((r) => r.firstAnswerMs)) * 10) / 10,
    };
  }
  return figures;
}

interface JestReport {
  testResults: Array<{ assertionResults: Array<{ ancestorTitles: string[]; status: string }> }>;
}

/** Passing and total store-contract tests per store, from one jest run of both contract files. */
export function contractPassCounts(): Record<string, { passed: number; total: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'eid-bench-'));
  const output = join(dir, 'jest.json');
  try {
    spawnSync(
      join(root, 'node_modules', '.bin', 'jest'),
      ['test/store/sqlite-store.contract.test.ts', 'test/store/cloudbase-store.contract.test.ts', '--json', `--outputFile=${output}`],
      { cwd: root, stdio: 'ignore' },
    );
    const report = JSON.parse(readFileSync(output, 'utf8')) as JestReport;
    const counts: Record<string, { passed: number; total: number }> = {};
    for (const result of report.testResults.flatMap((file) => file.assertionResults)) {
      const suite = result.ancestorTitles[0] ?? '';
      if (!suite.startsWith('Store contract: ')) continue;
      const store = suite.slice('Store contract: '.length);
      counts[store] ??= { passed: 0, total: 0 };
      counts[store].total++;
      if (result.status === 'passed') counts[store].passed++;
    }
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
