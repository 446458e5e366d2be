/**
 * cloudbaserc.json, the CloudBase CLI's configuration of the four functions,
 * read and checked against what the code needs: each function once, its
 * runtime, timeout and memory, a self-contained bundle (nothing installed in
 * the cloud), and its environment variables by name only, each exactly
 * `{{env.NAME}}` so that the value comes from the deploying process, never
 * from this file (scripts/deploy.ts passes them). Every problem is listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionName } from '../core/api';
import { FUNCTION_VARIABLES, OPTIONAL_VARIABLES } from '../server/deploy/environment';
import { FUNCTIONS, root } from './function-bundles';
import { ADMIN_TIMERS } from '../server/deploy/timers';

export interface FunctionConfig {
  name: string;
  handler?: string;
  runtime?: string;
  timeout?: number;
  memorySize?: number;
  installDependency?: boolean;
  ignore?: string[];
  envVariables?: Record<string, unknown>;
  triggers?: Array<{ name?: string; type?: string; config?: string }>;
}

export interface CloudBaseRc {
  version?: string;
  envId?: string;
  functionRoot?: string;
  functions?: FunctionConfig[];
}

export const CLOUDBASERC = join(root, 'cloudbaserc.json');
/** The CloudBase environment the CLI deploys to, from the deploying process like every value. */
export const ENV_ID_VARIABLE = 'EID_CLOUDBASE_ENV_ID';
const RUNTIMES = ['Nodejs16.13', 'Nodejs18.15'];
const MEMORY_SIZES = [128, 256, 512, 1024, 2048];
/** The citizen function may wait on WeChat twice (5 s each) and the database within one call. */
const MIN_TIMEOUT: Record<FunctionName, number> = { citizen: 15, verifier: 5, partner: 3, admin: 5 };

export const readCloudBaseRc = (path = CLOUDBASERC): CloudBaseRc => JSON.parse(readFileSync(path, 'utf8')) as CloudBaseRc;

const reference = (name: string) => `{{env.${name}}}`;

export function configProblems(rc: CloudBaseRc, functionsDir = join(root, 'cloudfunctions')): string[] {
  const problems: string[] = [];
  if (rc.version !== '2.0') problems.push('version must be "2.0" (dynamic variables)');
  if (rc.envId !== reference(ENV_ID_VARIABLE)) problems.push(`envId must be ${reference(ENV_ID_VARIABLE)}`);
  if (rc.functionRoot !== './cloudfunctions') problems.push('functionRoot must be ./cloudfunctions');
  const configured = rc.functions ?? [];
  for (const name of FUNCTIONS) {
    const matching = configured.filter((f) => f.name === name);
    if (matching.length !== 1) {
      problems.push(`functions: ${name} must appear exactly once`);
      continue;
    }
    problems.push(...functionProblems(name, matching[0], functionsDir).map((p) => `functions.${name}: ${p}`));
  }
  for (const extra of configured.filter((f) => !FUNCTIONS.includes(f.name as FunctionName))) problems.push(`functions: ${extra.name} is not a function of this project`);
  return problems;
}

function functionProblems(name: FunctionName, config: FunctionConfig, functionsDir: string): string[] {
  const problems: string[] = [];
  if (config.handler !== 'index.main') problems.push('handler must be index.main');
  if (!RUNTIMES.includes(config.runtime ?? '')) problems.push(`runtime must be one of ${RUNTIMES.join(', ')}`);
  const timeout = config.timeout ?? 0;
  if (!Number.isInteger(timeout) || timeout < MIN_TIMEOUT[name] || timeout > 60) problems.push(`timeout must be ${MIN_TIMEOUT[name]}–60 seconds`);
  if (!MEMORY_SIZES.includes(config.memorySize ?? 0)) problems.push(`memorySize must be one of ${MEMORY_SIZES.join(', ')}`);
  if (config.installDependency !== false) problems.push('installDependency must be false: index.js is self-contained');
  if (!config.ignore?.includes('main.ts')) problems.push('ignore must list main.ts (the bundle is what runs)');
  const declared = Object.keys(config.envVariables ?? {});
  for (const variable of FUNCTION_VARIABLES[name]) if (!declared.includes(variable)) problems.push(`envVariables must declare ${variable}`);
  const allowed = new Set([...FUNCTION_VARIABLES[name], ...OPTIONAL_VARIABLES[name]]);
  for (const [variable, value] of Object.entries(config.envVariables ?? {})) {
    if (!allowed.has(variable)) problems.push(`envVariables: ${name} does not use ${variable}`);
    else if (value !== reference(variable)) problems.push(`envVariables.${variable} must be ${reference(variable)}: values never live in this file`);
  }
  const timers = (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => t.name);
  for (const timer of name === 'admin' ? ADMIN_TIMERS : []) {
    if (!timers.includes(timer)) problems.push(`triggers must include the timer "${timer}" (server/deploy/timers.ts)`);
  }
  if (name !== 'admin' && timers.length) problems.push('only the admin function has timers');
  for (const file of ['package.json', 'config.json']) if (!existsSync(join(functionsDir, name, file))) problems.push(`cloudfunctions/${name}/${file} is missing`);
  return problems;
}

/** The variable names the configuration reads from the deploying process, for the given functions. */
export function envReferences(rc: CloudBaseRc, names: readonly FunctionName[] = FUNCTIONS): string[] {
  const text = JSON.stringify({ envId: rc.envId, functions: (rc.functions ?? []).filter((f) => names.includes(f.name as FunctionName)) });
  return [...new Set([...text.matchAll(/\{\{env\.([A-Z0-9_]+)\}\}/g)].map((m) => m[1]))];
}
