/**
 * The services journey's composition, beside composeDeps: its store, its keys
 * and the issuer's signing key become ServicesDeps. The emulator allows
 * loopback targets for its sample partner; a deployment never does.
 */
import type { IssuerSigningKey } from '../adapters/keys/issuer-keys';
import { JwtReleaseSigner, type ServicesKeys } from '../adapters/keys/services-keys';
import type { ServicesDeps } from '../domain/services-deps';
import type { ServicesStore } from '../domain/services-store';

export interface ServicesAdapters {
  store: ServicesStore;
  keys: ServicesKeys;
  /** The issuer's keyring (KeyMaterial.issuer), whose current key signs each release; or one fixed key. */
  issuerKey: { readonly current: IssuerSigningKey } | IssuerSigningKey;
  allowLoopbackTargets?: boolean;
}

export function composeServices({ store, keys, issuerKey, allowLoopbackTargets = false }: ServicesAdapters): ServicesDeps {
  return { store, pairwise: keys.pairwise, codes: keys.codes, releases: new JwtReleaseSigner(issuerKey), allowLoopbackTargets };
}
