/**
 * Outbound ports: the only ways the domain reaches the world (DESIGN.md §1).
 * Adapters implement them: SQLite or CloudBase for the store, the simulated
 * or the platform identity authority, local or managed keys. The domain sees
 * no key material: it asks a port to sign, seal or check.
 */
import type { CardLevel } from '../../core/card';
import type { LivenessAnswer, LivenessChallenge } from '../../core/liveness';
import type { IdentityReason } from '../../core/reasons';
import type { PresentationClaims } from '../token/presentation-token';

/** The current time; frozen in tests. */
export interface Clock {
  now(): Date;
}

/** Randomness for ids and challenges; seeded in tests where the value matters. */
export interface Random {
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
  /** `count` random bytes as base64url. */
  token(count: number): string;
  /** A uniformly random integer in [0, max). */
  int(max: number): number;
}

export interface IdentityClaim {
  /** Normalised name (core/name). */
  name: string;
  /** Normalised 18-character ID number (core/id-number). */
  idNumber: string;
}

/**
 * The identity authority's verdict, reported part by part so the citizen gets
 * the precise reason. `identity` is 'match' only when name and number belong to
 * one living person with a valid number.
 *
 * `face` compares a live capture with the registered photo of the claimed ID
 * number whenever the registry holds one, whatever the name or the status
 * (a deceased or cancelled person still has a photo; under a wrong name, the
 * number's holder's photo). It is 'not_checked' only when liveness failed or
 * there is no photo. The domain relies on this: it gives the identity's reason
 * only to a caller whose face matched, and a face checked only when the name
 * was right would tell strangers whether a name belongs to a number.
 */
export interface AuthorityVerdict {
  liveness: 'pass' | 'fail';
  identity: 'match' | IdentityReason;
  face: 'match' | 'mismatch' | 'not_checked';
}

/** The identity authority (simulated locally, the platform's face verification when deployed). */
export interface Authority {
  /** A short label for logs and the UI, e.g. "SIMULATED identity authority". */
  readonly label: string;
  issueChallenge(): LivenessChallenge;
  verify(input: {
    claim: IdentityClaim;
    challenge: LivenessChallenge;
    answer: LivenessAnswer;
    /** Opaque capture from the device: a simulated capture id in the simulator. */
    faceCapture: string;
  }): Promise<AuthorityVerdict>;
}

/** Seals personal data for storage and derives the look-up index of an ID number. */
export interface PiiProtector {
  seal(plaintext: string, associatedData: string): string;
  open(sealed: string, associatedData: string): string;
  index(normalisedIdNumber: string): string;
}

/** The public claims of a card that the issuer signs. */
export interface CardClaims {
  cardId: string;
  level: CardLevel;
  issuedAt: Date;
  expiresAt: Date;
}

/** Signs a card's public claims (ES256) so anyone holding the JWKS can check its integrity. */
export interface CardSigner {
  sign(claims: CardClaims): { keyId: string; signature: string };
}

/** Signs a presentation token (the QR code) with the issuer's current key; returns the token text. */
export interface PresentationSigner {
  sign(claims: PresentationClaims): string;
}

/**
 * Hides which card a presentation token belongs to: the reference is the card
 * id encrypted under the token's own random id, so two QR codes of one card
 * cannot be linked by anyone but the issuer.
 */
export interface CardRefCipher {
  seal(cardId: string, tokenId: Uint8Array): Uint8Array;
  /** The card id, or null when the reference does not open to one. */
  open(cardRef: Uint8Array, tokenId: Uint8Array): string | null;
}
