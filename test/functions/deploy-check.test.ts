/**
 * `npm run deploy:check` and the plan of `npm run deploy`: the configuration
 * as the code needs it, the four bundles loading with the production
 * composition (missing variables named, not crashed), and the CLI run with
 * every value from the environment, none from a file.
 */
import { freshKeyValues } from '../../server/adapters/keys/key-material';
import { FUNCTION_VARIABLES } from '../../server/deploy/environment';
import { configProblems, envReferences, readCloudBaseRc, type CloudBaseRc } from '../../scripts/cloudbaserc';
import { deployCheck, describeCheck } from '../../scripts/deploy-check';
import { CLOUDBASE_CLI, DEPLOY_ORDER, planDeploy } from '../../scripts/deploy';
import { FUNCTIONS } from '../../scripts/function-bundles';

const rc = readCloudBaseRc();
const edited = (edit: (copy: CloudBaseRc) => void): CloudBaseRc => {
  const copy = JSON.parse(JSON.stringify(rc)) as CloudBaseRc;
  edit(copy);
  return copy;
};
const fn = (copy: CloudBaseRc, name: string) => copy.functions!.find((f) => f.name === name)!;

describe('cloudbaserc.json', () => {
  it('declares the four functions as the code needs them', () => {
    expect(configProblems(rc)).toEqual([]);
  });

  it('names each problem: a value in the file, a missing function, a timeout too short, an install in the cloud', () => {
    const broken = edited((copy) => {
      fn(copy, 'citizen').envVariables!.EID_PII_ENC_KEY = 'c2VjcmV0';
      fn(copy, 'citizen').timeout = 5;
      fn(copy, 'admin').installDependency = true;
      delete fn(copy, 'verifier').envVariables!.EID_ISSUER_PRIVATE_KEY;
      copy.functions = copy.functions!.filter((f) => f.name !== 'partner');
    });
    expect(configProblems(broken)).toEqual([
      'functions.citizen: timeout must be 15–60 seconds',
      'functions.citizen: envVariables.EID_PII_ENC_KEY must be {{env.EID_PII_ENC_KEY}}: values never live in this file',
      'functions.verifier: envVariables must declare EID_ISSUER_PRIVATE_KEY',
      'functions: partner must appear exactly once',
      'functions.admin: installDependency must be false: index.js is self-contained',
    ]);
  });

  it('keeps the prune and audit-checkpoint timers on the admin function, and timers off the others', () => {
    expect(configProblems(edited((copy) => delete fn(copy, 'admin').triggers))).toEqual([
      'functions.admin: triggers must include the timer "prune" (server/deploy/timers.ts)',
      'functions.admin: triggers must include the timer "auditCheckpoint" (server/deploy/timers.ts)',
    ]);
    expect(configProblems(edited((copy) => (fn(copy, 'citizen').triggers = fn(copy, 'admin').triggers)))).toEqual(['functions.citizen: only the admin function has timers']);
  });

  it('gives each function only its own variables: no admin key outside admin, no WeChat secret outside citizen, the services key in citizen and partner only', () => {
    for (const f of rc.functions!) {
      const names = Object.keys(f.envVariables ?? {});
      expect(names.includes('EID_ADMIN_KEY')).toBe(f.name === 'admin');
      expect(names.includes('EID_WECHAT_APPSECRET')).toBe(f.name === 'citizen');
      expect(names.includes('EID_SERVICES_KEY')).toBe(f.name === 'citizen' || f.name === 'partner');
    }
    expect(configProblems(edited((copy) => (fn(copy, 'verifier').envVariables!.EID_ADMIN_KEY = '{{env.EID_ADMIN_KEY}}')))).toEqual([
      'functions.verifier: envVariables: verifier does not use EID_ADMIN_KEY',
    ]);
  });
});

describe('deploy:check', () => {
  it('builds every bundle and loads it with the production composition: missing variables named, a complete set composed', async () => {
    const check = await deployCheck();
    expect(check.configProblems).toEqual([]);
    expect(check.bundles.map((b) => [b.name, b.problems])).toEqual([
      ['citizen', []],
      ['verifier', []],
      ['partner', []],
      ['admin', []],
    ]);
    for (const bundle of check.bundles) {
      for (const variable of FUNCTION_VARIABLES[bundle.name]) expect(bundle.unconfigured.log).toContain(variable);
      expect(bundle.configured.result).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'unknown_action' });
    }
    expect(describeCheck(check).join('\n')).not.toMatch(/✗/);
  });
});

describe('deploy plan', () => {
  const env = { ...freshKeyValues(), EID_WECHAT_APPID: 'wx-synthetic', EID_WECHAT_APPSECRET: 'synthetic', EID_CLOUDBASE_ENV_ID: 'synthetic-env' };

  it('deploys every function, the verifier first and the citizen function last (after a key roll, the new key verifies before it signs)', () => {
    expect([...DEPLOY_ORDER].sort()).toEqual([...FUNCTIONS].sort());
    expect(DEPLOY_ORDER[0]).toBe('verifier');
    expect(DEPLOY_ORDER.at(-1)).toBe('citizen');
  });

  it('runs the pinned CloudBase CLI once per function, with --force', () => {
    const plan = planDeploy(rc, [], env);
    expect(plan.missing).toEqual([]);
    expect(plan.commands).toEqual(
      ['verifier', 'admin', 'partner', 'citizen'].map((name) => ['npx', '--yes', `--package=${CLOUDBASE_CLI}`, 'tcb', 'fn', 'deploy', name, '--force']),
    );
  });

  it('stops on a missing variable, naming it; an unset optional one is passed empty', () => {
    const { EID_ADMIN_KEY: _admin, ...withoutAdmin } = env;
    expect(planDeploy(rc, ['admin'], withoutAdmin).missing).toEqual(['EID_ADMIN_KEY']);
    expect(planDeploy(rc, ['verifier'], withoutAdmin).missing).toEqual([]);
    expect(planDeploy(rc, ['verifier'], withoutAdmin).env.EID_ISSUER_PREVIOUS_PUBLIC_KEYS).toBe('');
  });

  it('hands the CLI every referenced value JSON-escaped, so a PEM survives its substitution into cloudbaserc.json', () => {
    const plan = planDeploy(rc, ['citizen'], env);
    const substituted = JSON.stringify(rc).replace(/\{\{env\.([A-Z0-9_]+)\}\}/g, (_m, name: string) => plan.env[name] ?? '');
    const parsed = JSON.parse(substituted) as CloudBaseRc;
    expect(fn(parsed, 'citizen').envVariables!.EID_ISSUER_PRIVATE_KEY).toBe(env.EID_ISSUER_PRIVATE_KEY);
    expect(envReferences(rc, ['partner'])).toEqual([
      'EID_CLOUDBASE_ENV_ID',
      'EID_PII_ENC_KEY',
      'EID_PII_INDEX_KEY',
      'EID_ISSUER_PRIVATE_KEY',
      'EID_ISSUER_PREVIOUS_PUBLIC_KEYS',
      'EID_SERVICES_KEY',
    ]);
  });
});
