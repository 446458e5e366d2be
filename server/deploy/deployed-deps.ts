/**
 * The deployed composition: keys from the environment (a key service fills
 * it), the CloudBase store and the platform's face verification. The last
 * two are not built yet, so composing fails with a NotConfigured error that
 * the entry turns into INTERNAL/not_configured instead of pretending.
 */
import { keysFromEnvironment, type KeyMaterial } from '../adapters/keys/key-material';
import { cryptoRandom, systemClock } from '../adapters/system';
import { composeDeps } from '../composition/compose-deps';
import type { Deps } from '../domain/deps';
import type { Authority } from '../domain/ports';
import type { Store } from '../domain/store';

export class NotConfigured extends Error {
  constructor(what: string) {
    super(`${what} is not configured for deployment`);
    this.name = 'NotConfigured';
  }
}

/** Adapters a deployment supplies; absent ones are the gaps the log names. */
export interface DeployedAdapters {
  store?: Store;
  authority?: Authority;
}

export function deployedKeys(env: Record<string, string | undefined>): KeyMaterial {
  const keys = keysFromEnvironment(env);
  if (!keys) throw new NotConfigured('EID_PII_ENC_KEY / EID_PII_INDEX_KEY / EID_ADMIN_KEY / EID_ISSUER_PRIVATE_KEY');
  return keys;
}

export function deployedDeps(env: Record<string, string | undefined>, adapters: DeployedAdapters = {}): Deps {
  const keys = deployedKeys(env);
  if (!adapters.store) throw new NotConfigured('the CloudBase store adapter (tcb-admin-node)');
  if (!adapters.authority) throw new NotConfigured('the platform face-verification authority');
  return composeDeps({ store: adapters.store, authority: adapters.authority, keys, clock: systemClock, random: cryptoRandom });
}
