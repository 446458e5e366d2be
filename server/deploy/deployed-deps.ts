/**
 * The deployed composition: keys from the environment (a key service fills
 * it), the CloudBase store (which also keeps the callers' check budgets) and,
 * in the citizen function, WeChat face verification; for the citizen,
 * partner and admin functions also the services journey (deployedServices:
 * the CloudBase services store on the same database, the services key). The
 * same composeDeps and composeServices as the emulator; only the adapters
 * differ.
 *
 * Composing touches no network: a missing or malformed variable is found at
 * start-up (NotConfigured names it), while an unreachable database or
 * WeChat shows in the calls that need them.
 */
import type { KeyObject } from 'node:crypto';
import type { FunctionName } from '../../core/api';
import { CloudBaseServicesStore } from '../adapters/cloudbase/cloudbase-services-store';
import { CloudBaseStore } from '../adapters/cloudbase/cloudbase-store';
import { openDatabase, type CloudBaseConnection } from '../adapters/cloudbase/database';
import { InvalidKeyVariable, SERVICES_KEY_VARIABLE, adminKeyFromEnvironment, storeKeysFromEnvironment, type StoreKeys } from '../adapters/keys/key-material';
import { servicesKeysFromEnvironment, type ServicesKeys } from '../adapters/keys/services-keys';
import { cryptoRandom, systemClock } from '../adapters/system';
import { postJsonWithin, type PostJson } from '../adapters/wechat-face/post-json';
import { WeChatFaceAuthority } from '../adapters/wechat-face/wechat-face-authority';
import { composeDeps } from '../composition/compose-deps';
import { composeServices } from '../composition/compose-services';
import type { Deps } from '../domain/deps';
import type { ServicesDeps } from '../domain/services-deps';
import type { ServicesStore } from '../domain/services-store';
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

/**
 * The admin function reviews partners and tiles but neither issues nor reads
 * authorisation codes nor derives pseudonyms, so it holds no services key;
 * these say so if ever called.
 */
const NO_SERVICES_KEYS: ServicesKeys = {
  pairwise: {
    subjectFor: () => {
      throw new Error('no services key in this function');
    },
  },
  codes: {
    issue: () => {
      throw new Error('no services key in this function');
    },
    read: () => {
      throw new Error('no services key in this function');
    },
  },
};

export interface DeployedComposition {
  deps: Deps;
  keys: StoreKeys;
  /** The services store, on the same CloudBase database as the store; composed into ServicesDeps by deployedServices. */
  servicesStore: ServicesStore;
}

/** Throws NotConfigured naming every variable the function needs that is not set. */
export function assertConfigured(name: FunctionName, env: Env): void {
  const missing = missingVariables(name, env);
  if (missing.length > 0) throw new NotConfigured(missing);
}

export function deployedDeps(name: FunctionName, env: Env, platform: DeployedPlatform = {}): DeployedComposition {
  assertConfigured(name, env);
  const keys = storeKeys(env);
  const database = openDatabase(platform.database ?? {});
  const store = new CloudBaseStore(database);
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
  return { deps, keys, servicesStore: new CloudBaseServicesStore(database) };
}

/**
 * The services journey of a deployed function: its store, the services key
 * (citizen and partner; checked with the rest by deployedDeps) and the
 * issuer's current key, which signs each release. Never loopback targets.
 */
export function deployedServices(name: 'citizen' | 'partner' | 'admin', env: Env, { keys, servicesStore }: DeployedComposition): ServicesDeps {
  return composeServices({ store: servicesStore, keys: name === 'admin' ? NO_SERVICES_KEYS : servicesKeys(env), issuerKey: keys.issuer.current });
}

function servicesKeys(env: Env): ServicesKeys {
  if (!env[SERVICES_KEY_VARIABLE]?.trim()) throw new NotConfigured([SERVICES_KEY_VARIABLE]);
  let keys: ServicesKeys | null = null;
  try {
    keys = servicesKeysFromEnvironment(env);
  } catch {
    // a short or undecodable secret
  }
  if (!keys) throw new NotConfigured([`${SERVICES_KEY_VARIABLE} (malformed: at least 32 bytes of base64)`]);
  return keys;
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
