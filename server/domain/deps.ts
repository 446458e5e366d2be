/** What the use cases need from the world, assembled once per process (server/composition). */
import type { SignatureKeyring } from '../token/check-presentation';
import type { Authority, CardRefCipher, CardSigner, CheckBudget, Clock, PasswordHasher, PiiProtector, PresentationSigner, Random } from './ports';
import type { Store } from './store';

export interface Deps {
  store: Store;
  authority: Authority;
  /** Places in callers' budgets of failed checks, reserved while the authority is asked (rate-limit.ts). */
  checkBudget: CheckBudget;
  pii: PiiProtector;
  /** The card password's hash (scrypt). */
  passwords: PasswordHasher;
  cardSigner: CardSigner;
  presentationSigner: PresentationSigner;
  /** The issuer's published keys, which verify presentation tokens. */
  issuerKeys: SignatureKeyring;
  cardRefs: CardRefCipher;
  clock: Clock;
  random: Random;
}
