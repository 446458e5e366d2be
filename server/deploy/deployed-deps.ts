/**
 * The deployed composition: keys from the environment (a key service fills
 * it), the CloudBase store (which also keeps the callers' check budgets) and,
 * in the citizen function, WeChat face verification. The same composeDeps as
 * the emulator; only the adapters differ.
 *
 * Composing touches no network: a missing or malformed variable is found at
 * start-up (NotConfigured names it), while an unreachable database or
 * WeChat shows in the calls that need them.
 */
import type { KeyObject } from 'node:crypto';
import type { FunctionName } from '../../core/api';
import { CloudBaseStore } from '../adapters/cloudbase/cloudbase-store';
import type { CloudBaseConnection } from '../adapters/cloudbase/database';
import { InvalidKeyVariable, adminKeyFromEnvironment, storeKeysFromEnvironment, type StoreKeys } from '../adapters/keys/key-material';
import { cryptoRandom, systemClock } from '../adapters/system';
import { postJsonWithin, type PostJson } from '../adapters/wechat-face/post-json';
import { WeChatFaceAuthority } from '../adapters/wechat-face/wechat-face-authority';
import { composeDeps } from '../composition/compose-deps';
import type { Deps } from '../domain/deps';
import { AuthorityUnavailable, type Authority } from '../domain/ports';
import { NotConfigured, missingVariables, type Env } from './environment';

/** Where the deployed adapters connect; the defaults are the platform's own (tests and deploy:check point them elsewhere). */
export interface DeployedPlatform {
  database?: CloudBaseConnection;
  wechatApiBase?: URL;
  post?: PostJson;
}

/** WeChat's server APIs answer well within this; a function's timeout is longer (cloudbaserc.json). */
const WECHAT_TIMEOUT_MS = 5000;

/** The verifier and admin functions ask no authority: they hold no WeChat secret, and this says so if ever called. */
const NO_AUTHORITY: Authority = {
  label: 'no identity authority in this function',
  issueChallenge: () => ({ actions: [], digits: '' }),
  begin: () => Promise.reject(new AuthorityUnavailable('not_configured')),
  verify: () => Promise.reject(new AuthorityUnavailable('not_configured')),
};

export interface DeployedComposition {
  deps: Deps;
  keys: StoreKeys;
}

/** Throws NotConfigured naming every variable the function needs that is not set. */
export function assertConfigured(name: FunctionName, env: Env): void {
  const missing = missingVariables(name, env);
  if (missing.length > 0) throw new NotConfigured(missing);
}

export function deployedDeps(name: Exclude<FunctionName, 'partner'>, env: Env, platform: DeployedPlatform = {}): DeployedComposition {
  assertConfigured(name, env);
  const keys = storeKeys(env);
  const store = CloudBaseStore.open(platform.database ?? {});
  const authority =
    name === 'citizen'
      ? new WeChatFaceAuthority({
          credentials: { appId: env.EID_WECHAT_APPID!, appSecret: env.EID_WECHAT_APPSECRET! },
          post: platform.post ?? postJsonWithin(WECHAT_TIMEOUT_MS),
          clock: systemClock,
          apiBase: platform.wechatApiBase,
        })
      : NO_AUTHORITY;
  const deps = composeDeps({ store, authority, checkBudget: store, keys, clock: systemClock, random: cryptoRandom });
  return { deps, keys };
}

function storeKeys(env: Env): StoreKeys {
  try {
    return storeKeysFromEnvironment(env);
  } catch (error) {
    if (error instanceof InvalidKeyVariable) throw new NotConfigured([`${error.variable} (malformed)`]);
    throw error;
  }
}

/** The admin function's assertion key; its presence is checked with the rest (assertConfigured). */
export function deployedAdminKey(env: Env): KeyObject {
  try {
    return adminKeyFromEnvironment(env);
  } catch {
    throw new NotConfigured(['EID_ADMIN_KEY (malformed: at least 32 bytes of base64)']);
  }
}
