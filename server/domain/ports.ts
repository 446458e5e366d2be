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

/**
 * The identity authority (simulated locally, the platform's face verification
 * when deployed). A face check has two halves around the device:
 * 1. when a face session opens, `issueChallenge` gives what the session stores
 *    and the device performs (the simulator's actions and digits; nothing for
 *    a platform that runs its own liveness), then `begin` tells the authority
 *    about the session and returns what the device needs to run the
 *    platform's check (WeChat face verification 2.0: the verifyId of
 *    getverifyid, which the mini-program passes to wx.requestFacialVerify);
 * 2. `verify` asks for the verdict. A platform's verdict is fetched from the
 *    platform (queryverifyinfo), never taken from the device.
 */
export interface Authority {
  /** A short label for logs and the UI, e.g. "SIMULATED identity authority". */
  readonly label: string;
  issueChallenge(): LivenessChallenge;
  /**
   * `claim` is the identity the session will be checked against: what the caller typed when enrolling,
   * or their card's identity for a re-check; null when there is neither, which only the simulator serves.
   */
  begin(session: FaceSessionRef & { claim: IdentityClaim | null }): Promise<PlatformFaceCheck | null>;
  verify(
    input: FaceSessionRef & {
      claim: IdentityClaim;
      challenge: LivenessChallenge;
      /** What the device reported for the challenge; absent after a platform's own check. */
      answer: LivenessAnswer | undefined;
      /** Opaque proof from the device: a simulated capture id, or the verifyId of the platform check it completed. */
      faceCapture: string;
    },
  ): Promise<AuthorityVerdict>;
}

/** Which face session, for whom: the platform binds its check to both (WeChat's out_seq_no and openid). */
export interface FaceSessionRef {
  sessionId: string;
  holder: string;
}

/** A face check the platform runs on the device itself; the mini-program opens it by this id. */
export interface PlatformFaceCheck {
  verifyId: string;
}

/**
 * The authority gave no verdict: its service or the way to it failed
 * (`network`), or this deployment may not use it (`not_configured`: no
 * qualification, a wrong AppID or secret). Nothing was judged, so no failure
 * is counted against anyone.
 */
export class AuthorityUnavailable extends Error {
  constructor(readonly why: 'network' | 'not_configured' | 'unexpected_reply') {
    super(`The identity authority gave no verdict (${why})`);
    this.name = 'AuthorityUnavailable';
  }
}

/**
 * Places in a caller's budget of failed identity checks, taken before the
 * authority is asked (DESIGN.md §6: an atomic reserve, not a count and a
 * later write). Of any number of concurrent checks under one key, only as
 * many proceed as failures already recorded (Store.recordFailure) and places
 * still held leave room for; a count then a write would let every concurrent
 * check pass the same count.
 */
export interface CheckBudget {
  /** Holds one place under `key` unless failures after `limit.since` plus places held reach `limit.max`; null then. */
  reserve(key: string, limit: { since: Date; max: number }, now: Date): Promise<BudgetPlace | null>;
}

export interface BudgetPlace {
  /** Frees the place; the check's failure, if it failed, is recorded before this. Safe to call twice. */
  release(): Promise<void>;
}

/**
 * Seals personal data for storage and derives the look-up index of an ID
 * number. Each identity is sealed under its own data key (crypto-shredding:
 * destroying that key, which revocation does, leaves its sealed values
 * undecryptable by anyone, backups included). The domain holds a data key only
 * wrapped: opaque text, useless without the adapter's master key.
 */
export interface PiiProtector {
  /** A fresh random data key for one identity, wrapped under the master key and bound to `owner` (the identity id). */
  newDataKey(owner: string): string;
  /** Seals under `dataKey` (wrapped, of `owner`), or under the master key itself for a record sealed before data keys existed. */
  seal(plaintext: string, associatedData: string, dataKey?: { wrapped: string; owner: string }): string;
  open(sealed: string, associatedData: string, dataKey?: { wrapped: string; owner: string }): string;
  index(normalisedIdNumber: string): string;
}

/** The card password's slow salted hash (scrypt, parameters named in the adapter). Never logged, never returned. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether `password` is the one `stored` was made from; a hash made with other parameters still verifies with its own. */
  verify(password: string, stored: string): Promise<boolean>;
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
