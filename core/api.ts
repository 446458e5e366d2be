/**
 * Request and response types of every cloud-function action, shared by the
 * mini-program's API client and the functions themselves.
 */
import type { CardLevel, CardStatus } from './card';
import type { ErrorCode } from './errors';
import type { ErrorReason } from './reasons';
import type {
  EnrollEvent,
  GetCardEvent,
  ListUsageEvent,
  PresentEvent,
  ReauthEvent,
  ReinstateEvent,
  RenewEvent,
  ReportLostEvent,
  RevokeEvent,
  PresentUpgradeEvent,
  ListUpgradeSitesEvent,
  MoveCardEvent,
  SetCardPasswordEvent,
  StartFaceEvent,
  UnlockCardPasswordEvent,
} from './schemas';
import type { Attribute, ReleasedAttributes, Scene } from './scenes';
import type { LivenessAction } from './liveness';
import type { CitizenServicesActions } from './services-api';
import type { UpgradeSiteView } from './upgrade-directory';

export type Success<T> = { ok: true } & T;

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Chinese, then English; never personal data. */
  message: string;
  /** A finer machine-readable reason, e.g. 'checksum' for ID_NUMBER_INVALID. */
  reason?: ErrorReason;
  details?: Record<string, string | number | boolean>;
}

export type Result<T> = Success<T> | Failure;

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
  /**
   * Present when the platform runs the face check itself (WeChat face verification):
   * pass it to wx.requestFacialVerify, then send it back as `faceCapture` and omit `liveness`.
   * `actions` and `digits` are empty then.
   */
  verifyId?: string;
}

export interface ReauthView {
  /** Until when a QR code can be shown without another face check. */
  validUntil: string;
}

/** Why the account's card left it, when it has none now: it moved to another account (journey 6). */
export interface CardEndedView {
  reason: 'moved';
  at: string;
}

/** A revoked card is gone from the card package; this is all that is said about it. */
export interface RevokeView {
  revokedAt: string;
}

/** What an upgrade terminal is told when the card became colour. */
export interface UpgradeView {
  level: 'colour';
  upgradedAt: string;
}

/** One QR code: the signed token and its validity window. */
export interface PresentationView {
  token: string;
  scene: Scene;
  issuedAt: string;
  expiresAt: string;
}

/** One use of the card by a verifier, as the holder sees it. */
export interface UsageView {
  id: number;
  at: string;
  organisation: string;
  scene: Scene;
  /** Which attributes the verifier received (names, not values). */
  attributes: Attribute[];
}

/** A terminal session: send `sessionKey`'s HMAC with each request (server/clients/terminal-session.ts) until `expiresAt`. */
export interface TerminalSessionView {
  sessionId: string;
  /** 32 bytes, base64url: the HMAC key; the terminal keeps it secret. */
  sessionKey: string;
  expiresAt: string;
}

/** The issuer's public keys as a JWKS (the emulator serves the same at /.well-known/jwks.json). */
export interface IssuerKeysView {
  keys: Array<{ kid: string; kty?: string; crv?: string; x?: string; y?: string; alg: 'ES256'; use: 'sig' }>;
}

export interface VerificationView {
  scene: Scene;
  attributes: ReleasedAttributes;
  verifiedAt: string;
}

type Request<E> = Omit<E, 'action'>;

/** action name → request and response, for the citizen function (the services actions are in core/services-api). */
export interface CitizenActions extends CitizenServicesActions {
  startFace: { request: Request<StartFaceEvent>; response: FaceChallengeView };
  enroll: { request: Request<EnrollEvent>; response: { card: CardView } };
  getCard: { request: Request<GetCardEvent>; response: { card: CardView | null; ended?: CardEndedView } };
  reauth: { request: Request<ReauthEvent>; response: ReauthView };
  present: { request: Request<PresentEvent>; response: PresentationView };
  listUsage: { request: Request<ListUsageEvent>; response: { usages: UsageView[]; nextBefore: number | null } };
  reportLost: { request: Request<ReportLostEvent>; response: { card: CardView } };
  reinstate: { request: Request<ReinstateEvent>; response: { card: CardView } };
  renew: { request: Request<RenewEvent>; response: { card: CardView } };
  revoke: { request: Request<RevokeEvent>; response: RevokeView };
  setCardPassword: { request: Request<SetCardPasswordEvent>; response: { setAt: string } };
  unlockCardPassword: { request: Request<UnlockCardPasswordEvent>; response: { unlockedAt: string } };
  presentUpgrade: { request: Request<PresentUpgradeEvent>; response: PresentationView };
  moveCard: { request: Request<MoveCardEvent>; response: { card: CardView } };
  listUpgradeSites: { request: Request<ListUpgradeSitesEvent>; response: { sites: UpgradeSiteView[] } };
}

export type FunctionName = 'citizen' | 'verifier' | 'partner' | 'admin';
