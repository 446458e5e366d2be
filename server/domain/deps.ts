/** What the use cases need from the world, assembled once per process. */
import type { Authority, CardRefCipher, CardSigner, Clock, IssuerKeyring, PiiProtector, Random } from './ports';
import type { Store } from './store';

export interface Deps {
  store: Store;
  authority: Authority;
  pii: PiiProtector;
  signer: CardSigner;
  issuer: IssuerKeyring;
  cardRefs: CardRefCipher;
  clock: Clock;
  random: Random;
}
