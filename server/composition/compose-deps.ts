/**
 * The one composition of the use cases' dependencies. The emulator and the
 * deployed functions differ only in the adapters they hand in (SQLite or
 * CloudBase, the simulated or the platform authority, development or
 * managed keys); how those become `Deps` is written here once.
 */
import { CosePresentationSigner } from '../adapters/keys/cose-presentation-signer';
import { JwtCardSigner } from '../adapters/keys/jwt-card-signer';
import { ScryptPasswordHasher } from '../adapters/keys/scrypt-password-hasher';
import type { StoreKeys } from '../adapters/keys/key-material';
import type { Deps } from '../domain/deps';
import type { Authority, CheckBudget, Clock, Random } from '../domain/ports';
import type { Store } from '../domain/store';

export interface Adapters {
  store: Store;
  authority: Authority;
  /** The CloudBase store keeps its own (server/adapters/cloudbase); one process can hold them in memory. */
  checkBudget: CheckBudget;
  keys: Pick<StoreKeys, 'pii' | 'issuer' | 'cardRefs'>;
  clock: Clock;
  random: Random;
}

export function composeDeps({ store, authority, checkBudget, keys, clock, random }: Adapters): Deps {
  return {
    store,
    authority,
    checkBudget,
    pii: keys.pii,
    passwords: new ScryptPasswordHasher(),
    cardSigner: new JwtCardSigner(keys.issuer),
    presentationSigner: new CosePresentationSigner(keys.issuer),
    issuerKeys: keys.issuer,
    cardRefs: keys.cardRefs,
    clock,
    random,
  };
}
