/**
 * The checks any verifier can make with the published keys alone (no
 * server): structure, issuer signature, validity window, scene. Each failure
 * names its check (core/reasons) and carries the caller-visible code, so
 * nobody parses a message. One-time use and card status need the online check.
 */
import type { ErrorCode } from '../../core/errors';
import { CLOCK_TOLERANCE_SECONDS, PRESENTATION_MAX_LIFETIME_SECONDS } from '../../core/policy';
import type { OfflineCheck } from '../../core/reasons';
import { sceneByCode, type Scene } from '../../core/scenes';
import { decodePresentation, type DecodedPresentation } from './presentation-token';

/**
 * The issuer's published keys, by key id: true only when `keyId` is a key
 * that still verifies and the signature (ES256, r‖s) is valid over the bytes.
 * The algorithm is the implementation's to pin, never the token's to choose.
 * Asynchronous, so an implementation can check off the event loop (Node's
 * crypto thread pool) and a verifier uses every core.
 */
export interface SignatureKeyring {
  verify(keyId: string, signedBytes: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export type OfflineResult =
  | { ok: true; decoded: DecodedPresentation; scene: Scene }
  | { ok: false; check: OfflineCheck; code: ErrorCode };

export interface OfflineCheckOptions {
  keys: SignatureKeyring;
  now: Date;
  /** The scene the verifier is checking for, when it says. */
  expectedScene?: Scene;
}

const fail = (check: OfflineCheck, code: ErrorCode): OfflineResult => ({ ok: false, check, code });

export async function checkPresentationOffline(token: unknown, options: OfflineCheckOptions): Promise<OfflineResult> {
  const decoded = decodePresentation(token);
  if (!decoded) return fail('structure', 'CODE_INVALID');
  if (!(await options.keys.verify(decoded.keyId, decoded.signedBytes, decoded.signature))) return fail('signature', 'CODE_INVALID');

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
