/**
 * Outbound ports: the only ways the domain reaches the world (DESIGN.md §1).
 * Adapters implement them: SQLite or CloudBase for the store, the simulated
 * or the platform identity authority, local or managed keys.
 */

/** The current time; frozen in tests. */
export interface Clock {
  now(): Date;
}

/** Randomness for ids and challenges; seeded in tests where the value matters. */
export interface Random {
  /** `bytes` random bytes as base64url. */
  token(bytes: number): string;
  /** A uniformly random integer in [0, max). */
  int(max: number): number;
}

export type { LivenessAction, LivenessChallenge, LivenessAnswer } from '../../core/liveness';
import type { LivenessAnswer, LivenessChallenge } from '../../core/liveness';

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
 */
export interface AuthorityVerdict {
  liveness: 'pass' | 'fail';
  identity: 'match' | 'not_found' | 'name_mismatch' | 'deceased' | 'cancelled';
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

/** The issuer's current signing key (a KeyObject, parsed once; never a PEM per call). */
export interface IssuerSigningKey {
  keyId: string;
  privateKey: import('node:crypto').KeyObject;
}

/** The public claims of a card that the issuer signs. */
export interface CardClaims {
  cardId: string;
  level: import('../../core/api').CardLevel;
  issuedAt: Date;
  expiresAt: Date;
}

/** Signs a card's public claims (ES256) so anyone holding the JWKS can check its integrity. */
export interface CardSigner {
  sign(claims: CardClaims): { keyId: string; signature: string };
}

/** The issuer's keys: the current one signs; every published one verifies. */
export interface IssuerKeyring {
  readonly current: IssuerSigningKey;
  publicKey(keyId: string): import('node:crypto').KeyObject | undefined;
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

export type { Store } from './store';
