/** What the citizen use cases need from the world, assembled once per process. */
import type { Authority, CardSigner, Clock, PiiProtector, Random } from './ports';
import type { Store } from './store';

export interface CitizenDeps {
  store: Store;
  authority: Authority;
  pii: PiiProtector;
  signer: CardSigner;
  clock: Clock;
  random: Random;
}
