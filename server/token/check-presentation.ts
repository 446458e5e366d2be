/**
 * The checks any verifier can make with the published keys alone (no
 * server): structure, issuer signature, validity window, scene. Each failure
 * names its check and carries the caller-visible code, so nobody parses a
 * message. One-time use and card status need the online check.
 */
import type { KeyObject } from 'node:crypto';
import type { ErrorCode } from '../../core/errors';
import { sceneByCode, type Scene } from '../../core/scenes';
import { decodePresentation, signatureValid, type DecodedPresentation } from './presentation-token';

export const PRESENTATION_MAX_LIFETIME_SECONDS = 60;
export const CLOCK_TOLERANCE_SECONDS = 5;

export type OfflineCheck = 'structure' | 'signature' | 'expiry' | 'not_yet_valid' | 'lifetime' | 'scene';

export type OfflineResult =
  | { ok: true; decoded: DecodedPresentation; scene: Scene }
  | { ok: false; check: OfflineCheck; code: ErrorCode };

export interface OfflineCheckOptions {
  /** The issuer's verifying keys by key id (the JWKS). */
  publicKey: (keyId: string) => KeyObject | undefined;
  now: Date;
  /** The scene the verifier is checking for, when it says. */
  expectedScene?: Scene;
}

const fail = (check: OfflineCheck, code: ErrorCode): OfflineResult => ({ ok: false, check, code });

export function checkPresentationOffline(token: unknown, options: OfflineCheckOptions): OfflineResult {
  const decoded = decodePresentation(token);
  if (!decoded) return fail('structure', 'CODE_INVALID');

  const key = options.publicKey(decoded.keyId);
  if (!key || !signatureValid(decoded, key)) return fail('signature', 'CODE_INVALID');

  const { issuedAt, expiresAt, scene: sceneCode } = decoded.claims;
  const now = Math.floor(options.now.getTime() / 1000);
  if (expiresAt - issuedAt > PRESENTATION_MAX_LIFETIME_SECONDS || expiresAt <= issuedAt) return fail('lifetime', 'CODE_INVALID');
  if (now > expiresAt + CLOCK_TOLERANCE_SECONDS) return fail('expiry', 'CODE_EXPIRED');
  if (now < issuedAt - CLOCK_TOLERANCE_SECONDS) return fail('not_yet_valid', 'CODE_INVALID');

  const scene = sceneByCode(sceneCode);
  if (!scene) return fail('scene', 'CODE_INVALID');
  if (options.expectedScene && options.expectedScene !== scene) return fail('scene', 'SCENE_NOT_ALLOWED');
  return { ok: true, decoded, scene };
}
