/**
 * `npm run deploy:check`: what can be known about a deployment before the
 * CloudBase CLI runs (it has no dry run). It
 * 1. checks cloudbaserc.json against what the code needs (scripts/cloudbaserc.ts);
 * 2. builds the four bundles (scripts/function-bundles.ts);
 * 3. loads each bundle cold in a fresh Node process, as the runtime does, with
 *    the production composition:
 *    - with no variables at all: each must start, log every variable it is
 *      missing by name, and answer INTERNAL/not_configured;
 *    - with a complete synthetic set (fresh keys, a synthetic AppID, and for
 *      the citizen function the variables the runtime sets for a mini-program
 *      call): each must compose its real adapters (the citizen, partner and
 *      admin functions their services journey too) and route a call, answering
 *      INVALID_INPUT/unknown_action for an action that does not exist, which
 *      touches neither the database nor WeChat.
 * Nothing reaches the network.
 */
import type { FunctionName } from '../core/api';
import { freshKeyValues } from '../server/adapters/keys/key-material';
import { FUNCTION_VARIABLES } from '../server/deploy/environment';
import { configProblems, readCloudBaseRc } from './cloudbaserc';
import { buildFunctions, loadBundle, type BuiltBundle, type LoadedBundle } from './function-bundles';

/** A complete environment of synthetic values: what a key service would provide, and what the runtime sets for a call. */
export function syntheticEnvironment(name: FunctionName): Record<string, string> {
  const values: Record<string, string> = { ...freshKeyValues(), EID_WECHAT_APPID: 'wx-deploy-check', EID_WECHAT_APPSECRET: 'synthetic-deploy-check' };
  const env = Object.fromEntries(FUNCTION_VARIABLES[name].map((variable) => [variable, values[variable]]));
  const runtime = { TCB_ENV: 'synthetic-deploy-check', TENCENTCLOUD_RUNENV: 'SCF' };
  const miniProgramCall = { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'synthetic-openid-deploy-check', TCB_SOURCE: 'wx_client' };
  return { ...env, ...runtime, ...(name === 'citizen' ? miniProgramCall : {}) };
}

export const PROBE_EVENT = { action: '__deploy_check__' };

export interface BundleCheck {
  name: FunctionName;
  bytes: number;
  unconfigured: LoadedBundle;
  configured: LoadedBundle;
  problems: string[];
}

const answerOf = (loaded: LoadedBundle) => loaded.result as { ok: boolean; code?: string; reason?: string };

function bundleProblems(name: FunctionName, unconfigured: LoadedBundle, configured: LoadedBundle): string[] {
  const problems: string[] = [];
  const bare = answerOf(unconfigured);
  if (FUNCTION_VARIABLES[name].length === 0) {
    if (bare.code !== 'INVALID_INPUT') problems.push(`without variables it answered ${bare.code}/${bare.reason}, expected INVALID_INPUT`);
  } else {
    if (bare.code !== 'INTERNAL' || bare.reason !== 'not_configured') problems.push(`without variables it answered ${bare.code}/${bare.reason}, expected INTERNAL/not_configured`);
    const unnamed = FUNCTION_VARIABLES[name].filter((variable) => !unconfigured.log.includes(variable));
    if (unnamed.length) problems.push(`its start-up log does not name ${unnamed.join(', ')}`);
  }
  const full = answerOf(configured);
  if (full.code !== 'INVALID_INPUT' || full.reason !== 'unknown_action') {
    problems.push(`with every variable it answered ${full.code}/${full.reason}, expected INVALID_INPUT/unknown_action`);
  }
  return problems;
}

export async function checkBundle(built: BuiltBundle): Promise<BundleCheck> {
  const unconfigured = await loadBundle(built.name, PROBE_EVENT, {});
  const configured = await loadBundle(built.name, PROBE_EVENT, syntheticEnvironment(built.name));
  return { name: built.name, bytes: built.bytes, unconfigured, configured, problems: bundleProblems(built.name, unconfigured, configured) };
}

export interface DeployCheck {
  ok: boolean;
  configProblems: string[];
  bundles: BundleCheck[];
}

export async function deployCheck(): Promise<DeployCheck> {
  const problems = configProblems(readCloudBaseRc());
  if (problems.length) return { ok: false, configProblems: problems, bundles: [] };
  const bundles: BundleCheck[] = [];
  for (const built of await buildFunctions()) bundles.push(await checkBundle(built));
  return { ok: bundles.every((b) => b.problems.length === 0), configProblems: [], bundles };
}

export function describeCheck(check: DeployCheck): string[] {
  if (check.configProblems.length) return ['cloudbaserc.json:', ...check.configProblems.map((p) => `  ✗ ${p}`)];
  const lines = ['cloudbaserc.json: ✓'];
  for (const b of check.bundles) {
    const mark = b.problems.length ? '✗' : '✓';
    lines.push(
      `${mark} ${b.name}: ${(b.bytes / 1024).toFixed(0)} KiB, loads in ${b.configured.requireMs.toFixed(0)} ms; ` +
        (FUNCTION_VARIABLES[b.name].length ? `without its ${FUNCTION_VARIABLES[b.name].length} variables it names them and answers not_configured` : 'needs no variables'),
    );
    for (const problem of b.problems) lines.push(`    ✗ ${problem}`);
  }
  return lines;
}

if (process.argv[1]?.endsWith('deploy-check.ts')) {
  deployCheck()
    .then((check) => {
      for (const line of describeCheck(check)) console.log(line);
      if (!check.ok) process.exit(1);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
