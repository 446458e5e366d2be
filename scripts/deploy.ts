/**
 * `npm run deploy [-- --only citizen,verifier] [-- --dry-run]`: deploys the
 * functions with the CloudBase CLI (@cloudbase/cli, run through npx at the
 * pinned version below; log in first with `npx @cloudbase/cli@<version> login`).
 *
 * Before the CLI runs: `npm run deploy:check` in full (configuration, bundles,
 * each bundle loading with the production composition), and every variable
 * cloudbaserc.json refers to must be set in this process's environment, where
 * the key service puts them. The CLI fills cloudbaserc.json's `{{env.NAME}}`
 * from this environment; a missing one would deploy the function with an
 * empty value, so the deploy stops instead, naming what is missing (never a
 * value). Values are passed JSON-escaped, because the CLI substitutes them
 * into the JSON text of cloudbaserc.json before parsing it (a PEM's newlines
 * would break it otherwise).
 */
import { spawnSync } from 'node:child_process';
import type { FunctionName } from '../core/api';
import { OPTIONAL_VARIABLES } from '../server/deploy/environment';
import { envReferences, readCloudBaseRc, type CloudBaseRc } from './cloudbaserc';
import { deployCheck, describeCheck } from './deploy-check';
import { FUNCTIONS, root } from './function-bundles';

export const CLOUDBASE_CLI = '@cloudbase/cli@2.12.10';

export interface DeployPlan {
  functions: FunctionName[];
  /** Variables the CLI will read that are not set here; the deploy stops if any. */
  missing: string[];
  commands: string[][];
  /** The environment the CLI runs with: ours, plus every referenced variable JSON-escaped ('' for an unset optional one). */
  env: Record<string, string | undefined>;
}

/**
 * The verifier first, the citizen function last: after an issuer key roll, the
 * function that checks codes knows the new key before any function signs
 * cards and codes with it, so no code fails in between (old codes keep
 * verifying under the previous keys).
 */
export const DEPLOY_ORDER: readonly FunctionName[] = ['verifier', 'admin', 'partner', 'citizen'];

export function planDeploy(rc: CloudBaseRc, only: readonly FunctionName[], env: Record<string, string | undefined>): DeployPlan {
  const functions = DEPLOY_ORDER.filter((name) => only.length === 0 || only.includes(name));
  const optional = new Set(functions.flatMap((name) => OPTIONAL_VARIABLES[name]));
  const references = envReferences(rc, functions);
  const missing = references.filter((name) => !optional.has(name) && !env[name]?.trim());
  const escaped = Object.fromEntries(references.map((name) => [name, JSON.stringify(env[name] ?? '').slice(1, -1)]));
  return {
    functions,
    missing,
    commands: functions.map((name) => ['npx', '--yes', `--package=${CLOUDBASE_CLI}`, 'tcb', 'fn', 'deploy', name, '--force']),
    env: { ...env, ...escaped },
  };
}

function parseArgs(args: string[]): { only: FunctionName[]; dryRun: boolean } {
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : [];
  const unknown = only.filter((name) => !FUNCTIONS.includes(name as FunctionName));
  if (unknown.length) throw new Error(`--only: not a function of this project: ${unknown.join(', ')}`);
  return { only: only as FunctionName[], dryRun: args.includes('--dry-run') };
}

async function main() {
  const { only, dryRun } = parseArgs(process.argv.slice(2));
  const check = await deployCheck();
  for (const line of describeCheck(check)) console.log(line);
  if (!check.ok) throw new Error('deploy:check failed; nothing was deployed');
  const plan = planDeploy(readCloudBaseRc(), only, process.env);
  if (plan.missing.length) throw new Error(`not set in this environment (the key service provides them): ${plan.missing.join(', ')}; nothing was deployed`);
  for (const command of plan.commands) {
    console.log(`${dryRun ? 'would run' : 'running'}: ${command.join(' ')}`);
    if (dryRun) continue;
    const { status } = spawnSync(command[0], command.slice(1), { cwd: root, env: plan.env, stdio: 'inherit' });
    if (status !== 0) throw new Error(`the CloudBase CLI failed on ${command[6]}; functions after it were not deployed`);
  }
}

if (process.argv[1]?.endsWith('deploy.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
