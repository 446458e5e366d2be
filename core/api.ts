/**
 * Request and response types of every cloud-function action, shared by the
 * mini-program's API client and the functions themselves.
 */
import type { ErrorCode } from './errors';
import type { EnrollEvent, GetCardEvent, StartFaceEvent } from './schemas';
import type { LivenessAction } from './liveness';

export type Success<T> = { ok: true } & T;

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Chinese, then English; never personal data. */
  message: string;
  /** A finer machine-readable reason, e.g. 'checksum' for ID_NUMBER_INVALID. */
  reason?: string;
  details?: Record<string, string | number | boolean>;
}

export type Result<T> = Success<T> | Failure;

export type CardLevel = 'basic' | 'colour';
export type CardStatus = 'active' | 'suspended' | 'revoked';

/** What the card package shows: personal data masked, dates as ISO strings. */
export interface CardView {
  cardId: string;
  level: CardLevel;
  status: CardStatus;
  maskedName: string;
  maskedIdNumber: string;
  issuedAt: string;
  expiresAt: string;
  /** The issuer's ES256 signature (compact JWS) over the card's public claims. */
  issuerSignature: string;
  keyId: string;
}

export interface FaceChallengeView {
  sessionId: string;
  expiresAt: string;
  actions: LivenessAction[];
  digits: string;
  attemptsLeft: number;
  /** Which authority answers: the simulator says so, always. */
  authority: string;
}

type Request<E> = Omit<E, 'action'>;

/** action name → request and response, for the citizen function. */
export interface CitizenActions {
  startFace: { request: Request<StartFaceEvent>; response: FaceChallengeView };
  enroll: { request: Request<EnrollEvent>; response: { card: CardView } };
  getCard: { request: Request<GetCardEvent>; response: { card: CardView | null } };
}

export type FunctionName = 'citizen' | 'verifier' | 'partner' | 'admin';
