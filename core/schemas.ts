/**
 * The one declaration of every cloud-function event (STYLE.md: schemas once,
 * used both to validate and to type). Objects are strict: an unknown field is
 * refused, as is any object where a string belongs (`{"$gt": ""}`).
 */
import { z } from 'zod';
import { publicJwkSchema } from './jwk-schema';
import { LIVENESS_ACTIONS, LIVENESS_DIGITS_PATTERN } from './liveness';
import { pageRequestFields } from './paging';
import { LISTING_STATUSES } from './upgrade-directory';
import { SCENE_NAMES, type Scene } from './scenes';
import { adminServicesEvents, citizenServicesEvents, partnerEvent } from './services-schemas';

/** Generous but finite: longer than any real field, short enough to refuse junk. */
export const MAX_FIELD_LENGTH = 256;
export const MAX_CAPTURE_LENGTH = 8192;

const text = (max = MAX_FIELD_LENGTH) => z.string().max(max);

export const livenessActionSchema = z.enum(LIVENESS_ACTIONS);

const livenessAnswer = z
  .object({
    actions: z.array(livenessActionSchema).max(8),
    digits: z.string().regex(LIVENESS_DIGITS_PATTERN),
  })
  .strict();

/**
 * Opens a face session. An enrollment on a platform that checks the face
 * against a claimed identity itself (WeChat) sends that claim now, with the
 * consent it needs; a re-check is made against the caller's card.
 */
export const startFaceEvent = z
  .object({
    action: z.literal('startFace'),
    claim: z.object({ name: text(), idNumber: text(64) }).strict().optional(),
    consent: z.boolean().optional(),
  })
  .strict();

export const enrollEvent = z
  .object({
    action: z.literal('enroll'),
    name: text(),
    idNumber: text(64),
    consent: z.boolean(),
    faceSessionId: text(64),
    liveness: livenessAnswer.optional(),
    faceCapture: text(MAX_CAPTURE_LENGTH),
  })
  .strict();

export const getCardEvent = z
  .object({
    action: z.literal('getCard'),
  })
  .strict();

/** A fresh face check of the card holder, needed before showing a QR code. */
export const reauthEvent = z
  .object({
    action: z.literal('reauth'),
    faceSessionId: text(64),
    liveness: livenessAnswer.optional(),
    faceCapture: text(MAX_CAPTURE_LENGTH),
  })
  .strict();

/** The face proof a lifecycle action carries (the same fields as reauth): the holder checks their face inside the action itself. */
const faceProofFields = {
  faceSessionId: text(64),
  liveness: livenessAnswer.optional(),
  faceCapture: text(MAX_CAPTURE_LENGTH),
};

/** Report the card lost: no face check (the phone may be gone); suspends the card and every code of it at once. */
export const reportLostEvent = z.object({ action: z.literal('reportLost') }).strict();

/** Reinstate a suspended card, renew a card in its renewal window, revoke a card: each after a fresh face check. */
export const reinstateEvent = z.object({ action: z.literal('reinstate'), ...faceProofFields }).strict();
export const renewEvent = z.object({ action: z.literal('renew'), ...faceProofFields }).strict();
export const revokeEvent = z.object({ action: z.literal('revoke'), ...faceProofFields }).strict();

const cardPassword = z.string().max(16);

/** Sets or changes the 8-digit card password: the first time, and without the old one, with a fresh face check. */
export const setCardPasswordEvent = z
  .object({
    action: z.literal('setCardPassword'),
    password: cardPassword,
    oldPassword: cardPassword.optional(),
    faceSessionId: text(64).optional(),
    liveness: livenessAnswer.optional(),
    faceCapture: text(MAX_CAPTURE_LENGTH).optional(),
  })
  .strict();

/** Lifts the lock after too many wrong card passwords, with a fresh face check. */
export const unlockCardPasswordEvent = z.object({ action: z.literal('unlockCardPassword'), ...faceProofFields }).strict();

/**
 * Moves the person's card from another account to this one, after a fresh
 * face check against the identity typed (as an enrollment checks it).
 */
export const moveCardEvent = z
  .object({
    action: z.literal('moveCard'),
    name: text(),
    idNumber: text(64),
    consent: z.boolean(),
    ...faceProofFields,
  })
  .strict();

/** The upgrade terminal directory, optionally of one city (GB/T 2260). */
export const listUpgradeSitesEvent = z.object({ action: z.literal('listUpgradeSites'), city: z.string().regex(/^\d{6}$/).optional() }).strict();

/** The upgrade code: a presentation for the upgrade scene, shown at a registered upgrade terminal. */
export const presentUpgradeEvent = z.object({ action: z.literal('presentUpgrade') }).strict();

export const sceneSchema = z.enum(SCENE_NAMES as [Scene, ...Scene[]]);

export const presentEvent = z
  .object({
    action: z.literal('present'),
    scene: sceneSchema,
  })
  .strict();

export const listUsageEvent = z
  .object({
    action: z.literal('listUsage'),
    ...pageRequestFields,
  })
  .strict();

export const citizenEvent = z.discriminatedUnion('action', [
  startFaceEvent,
  enrollEvent,
  getCardEvent,
  reauthEvent,
  presentEvent,
  listUsageEvent,
  reportLostEvent,
  reinstateEvent,
  renewEvent,
  revokeEvent,
  setCardPasswordEvent,
  unlockCardPasswordEvent,
  presentUpgradeEvent,
  listUpgradeSitesEvent,
  moveCardEvent,
  ...citizenServicesEvents,
]);

/** A terminal session's proof for one request: the session id, a counter and the HMAC of core/terminal-session. */
const sessionProof = z
  .object({
    id: text(512),
    counter: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    mac: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();

/**
 * A registered terminal's request: the scanned token and who the terminal is,
 * either a short-lived ES256 assertion or a terminal session's proof (exactly one).
 */
export const verifyEvent = z
  .object({
    action: z.literal('verify'),
    assertion: text(2048).optional(),
    session: sessionProof.optional(),
    token: text(1024),
    scene: sceneSchema,
  })
  .strict();

/** A terminal proves itself once with its assertion and gets a short-lived session key for its next requests. */
export const openSessionEvent = z
  .object({
    action: z.literal('openSession'),
    assertion: text(2048),
  })
  .strict();

/**
 * An upgrade terminal submits the citizen's upgrade code with the result of
 * its own in-person check (the physical ID card read, a live face match on
 * the terminal) and the card password typed on its keypad.
 */
export const upgradeEvent = z
  .object({
    action: z.literal('upgrade'),
    assertion: text(2048).optional(),
    session: sessionProof.optional(),
    token: text(1024),
    inPersonCheck: z.object({ idCardRead: z.boolean(), faceMatch: z.boolean() }).strict(),
    password: cardPassword,
  })
  .strict();

/** Anyone may ask for the issuer's public keys (JWKS), to check codes offline: the current key and those still in their overlap after a rotation. */
export const issuerKeysEvent = z.object({ action: z.literal('issuerKeys') }).strict();

export const verifierEvent = z.discriminatedUnion('action', [verifyEvent, openSessionEvent, upgradeEvent, issuerKeysEvent]);

export const registerTerminalEvent = z
  .object({
    action: z.literal('registerTerminal'),
    assertion: text(2048),
    organisation: z.string().max(100).trim().min(1),
    city: z.string().max(50).trim().min(1),
    scenes: z.array(sceneSchema).min(1).max(SCENE_NAMES.length),
    publicKeyJwk: publicJwkSchema,
  })
  .strict();

export const setTerminalEnabledEvent = z
  .object({
    action: z.literal('setTerminalEnabled'),
    assertion: text(2048),
    terminalId: text(64),
    enabled: z.boolean(),
  })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Adds or replaces an entry of the upgrade terminal directory (core/upgrade-directory.ts). */
export const putUpgradeSiteEvent = z
  .object({
    action: z.literal('putUpgradeSite'),
    assertion: text(2048),
    id: z.string().regex(/^[a-z0-9_-]{3,40}$/),
    city: z.string().regex(/^\d{6}$/),
    name: z.string().max(100).trim().min(1),
    address: z.string().max(200).trim().min(1),
    hours: z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), opens: hhmm, closes: hhmm }).strict(),
    status: z.enum(LISTING_STATUSES),
  })
  .strict();

/** A new issuer key signs from now on; the old one verifies, and stays in the JWKS, until everything it signed is past its life. */
export const rotateIssuerKeyEvent = z.object({ action: z.literal('rotateIssuerKey'), assertion: text(2048) }).strict();

export const adminEvent = z.discriminatedUnion('action', [
  registerTerminalEvent,
  setTerminalEnabledEvent,
  putUpgradeSiteEvent,
  rotateIssuerKeyEvent,
  ...adminServicesEvents,
]);

export type StartFaceEvent = z.infer<typeof startFaceEvent>;
export type EnrollEvent = z.infer<typeof enrollEvent>;
export type GetCardEvent = z.infer<typeof getCardEvent>;
export type CitizenEvent = z.infer<typeof citizenEvent>;
export type ReauthEvent = z.infer<typeof reauthEvent>;
export type PresentEvent = z.infer<typeof presentEvent>;
export type ListUsageEvent = z.infer<typeof listUsageEvent>;
export type ReportLostEvent = z.infer<typeof reportLostEvent>;
export type ReinstateEvent = z.infer<typeof reinstateEvent>;
export type RenewEvent = z.infer<typeof renewEvent>;
export type RevokeEvent = z.infer<typeof revokeEvent>;
export type SetCardPasswordEvent = z.infer<typeof setCardPasswordEvent>;
export type UnlockCardPasswordEvent = z.infer<typeof unlockCardPasswordEvent>;
export type PresentUpgradeEvent = z.infer<typeof presentUpgradeEvent>;
export type MoveCardEvent = z.infer<typeof moveCardEvent>;
export type PutUpgradeSiteEvent = z.infer<typeof putUpgradeSiteEvent>;
export type ListUpgradeSitesEvent = z.infer<typeof listUpgradeSitesEvent>;
export type UpgradeEvent = z.infer<typeof upgradeEvent>;
export type VerifyEvent = z.infer<typeof verifyEvent>;
export type OpenSessionEvent = z.infer<typeof openSessionEvent>;
export type RegisterTerminalEvent = z.infer<typeof registerTerminalEvent>;
export type SetTerminalEnabledEvent = z.infer<typeof setTerminalEnabledEvent>;

/** Every action name any function accepts (for logs, which print nothing else the caller chose). */
export const KNOWN_ACTIONS: ReadonlySet<string> = new Set(
  [citizenEvent, verifierEvent, partnerEvent, adminEvent].flatMap((union) => union.options.map((option) => option.shape.action.value)),
);

/**
 * Keys that would reach prototype machinery in a naive merge. zod's strict
 * objects already refuse unknown keys; this check also covers nested values
 * and gives the same INVALID_INPUT, so the rule holds for every schema.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any event we declare (the deepest, enroll → liveness → actions, is 2 below the event): refused before zod walks it. */
export const MAX_EVENT_DEPTH = 8;

/**
 * What is wrong with an event's shape before its schema is even tried: a key
 * that reaches prototype machinery, or an object or array nested more than
 * MAX_EVENT_DEPTH levels below the event. Stops at that depth, so a
 * 30,000-deep value costs no more than a shallow one.
 */
export function eventShapeProblem(value: unknown, depth = 0): 'forbidden_key' | 'too_deep' | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_EVENT_DEPTH) return 'too_deep';
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = eventShapeProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const key of Object.getOwnPropertyNames(value)) {
    if (FORBIDDEN_KEYS.has(key)) return 'forbidden_key';
    const problem = eventShapeProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}
