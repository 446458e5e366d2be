/**
 * What each deployed function needs from its environment, by variable name.
 * A key service fills them in production (README: Deploy to CloudBase);
 * cloudbaserc.json declares them per function, by name only. Each function
 * gets only what it uses: the admin key only in the admin function, the
 * WeChat app secret only in the citizen function, the services key only in
 * the citizen (it issues authorisation codes) and partner (it reads them and
 * derives pairwise subjects) functions; the admin function reviews partners
 * and tiles without it.
 *
 * The check names every missing variable and never prints a value.
 */
import type { FunctionName } from '../../core/api';
import { ADMIN_KEY_VARIABLE, PREVIOUS_ISSUER_KEYS_VARIABLE, SERVICES_KEY_VARIABLE, STORE_KEY_VARIABLES } from '../adapters/keys/key-material';

/** The mini-program's AppID and AppSecret: face verification's access token (server/adapters/wechat-face). */
export const WECHAT_VARIABLES = ['EID_WECHAT_APPID', 'EID_WECHAT_APPSECRET'] as const;

export const FUNCTION_VARIABLES: Readonly<Record<FunctionName, readonly string[]>> = {
  citizen: [...STORE_KEY_VARIABLES, ...WECHAT_VARIABLES, SERVICES_KEY_VARIABLE],
  verifier: [...STORE_KEY_VARIABLES],
  admin: [...STORE_KEY_VARIABLES, ADMIN_KEY_VARIABLE],
  partner: [...STORE_KEY_VARIABLES, SERVICES_KEY_VARIABLE],
};

/** Variables a function reads when set: earlier issuer keys, during a rotation. */
export const OPTIONAL_VARIABLES: Readonly<Record<FunctionName, readonly string[]>> = {
  citizen: [PREVIOUS_ISSUER_KEYS_VARIABLE],
  verifier: [PREVIOUS_ISSUER_KEYS_VARIABLE],
  admin: [PREVIOUS_ISSUER_KEYS_VARIABLE],
  partner: [PREVIOUS_ISSUER_KEYS_VARIABLE],
};

/** Every variable a deployment sets, in the order the README lists them. */
export const ALL_VARIABLES: readonly string[] = [...new Set(Object.values(FUNCTION_VARIABLES).flat())];

export type Env = Record<string, string | undefined>;

export function missingVariables(name: FunctionName, env: Env): string[] {
  return FUNCTION_VARIABLES[name].filter((variable) => !env[variable]?.trim());
}

/** A deployment that cannot run: what is missing or malformed, by name. */
export class NotConfigured extends Error {
  constructor(readonly gaps: readonly string[]) {
    super(`not configured for deployment: ${gaps.join(', ')}`);
    this.name = 'NotConfigured';
  }
}
