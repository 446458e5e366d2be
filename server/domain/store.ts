/**
 * The store port (DESIGN.md §6): what the use cases need to persist, with no
 * query language in sight. Async because the CloudBase adapter is; the SQLite
 * adapter answers at once. Personal data arrives here already sealed.
 */
import type { CardLevel, CardStatus } from '../../core/api';
import type { LivenessChallenge } from '../../core/liveness';

export interface FaceSessionRecord {
  id: string;
  holder: string;
  challenge: LivenessChallenge;
  createdAt: Date;
  expiresAt: Date;
  attemptsUsed: number;
  /** When the face check of this session passed, if it did. */
  passedAt: Date | null;
}

export interface IdentityRecord {
  id: string;
  /** HMAC index of the normalised ID number. */
  idIndex: string;
  nameSealed: string;
  idNumberSealed: string;
  createdAt: Date;
}

export interface CardRecord {
  id: string;
  identityId: string;
  holder: string;
  level: CardLevel;
  status: CardStatus;
  issuedAt: Date;
  expiresAt: Date;
  keyId: string;
  signature: string;
}

export interface HeldCard {
  card: CardRecord;
  identity: IdentityRecord;
}

/** Raised by mintCard when the holder or the ID number already has a live card. */
export class CardConflict extends Error {
  constructor(readonly by: 'holder' | 'id_number') {
    super(`A live card already exists for this ${by}`);
  }
}

export interface Store {
  insertFaceSession(session: FaceSessionRecord): Promise<void>;
  getFaceSession(id: string): Promise<FaceSessionRecord | null>;
  /**
   * Atomically spends one attempt of a holder's open session, if it has not
   * expired and attempts remain. Returns the session after the spend, or null.
   */
  spendFaceAttempt(id: string, holder: string, now: Date, maxAttempts: number): Promise<FaceSessionRecord | null>;
  markFacePassed(id: string, at: Date): Promise<void>;

  recordFailure(keys: string[], at: Date): Promise<void>;
  countFailures(key: string, since: Date): Promise<number>;

  findCardByHolder(holder: string): Promise<HeldCard | null>;
  /** Inserts identity and card together or not at all; throws CardConflict. */
  mintCard(identity: IdentityRecord, card: CardRecord): Promise<void>;

  close(): Promise<void>;
}
