/**
 * The local unlock before the card opens (DESIGN.md §2, journey 2). Taro
 * picks unlock.weapp.ts (fingerprint or face through SOTER) or unlock.h5.ts
 * (a labelled simulator button); this one serves the type checker and other
 * platforms, which have no device unlock and go straight to a face check.
 */

/** How this platform unlocks; the card page labels its button by it. */
export type UnlockMethod = 'simulated' | 'biometric' | 'face_check';

/** Why the device could not unlock, so a face check has to instead. */
export type FallbackReason = 'unsupported' | 'not_enrolled' | 'failed';

export type UnlockOutcome = { kind: 'unlocked' } | { kind: 'face_check'; reason: FallbackReason } | { kind: 'cancelled' };

export const UNLOCK_METHOD: UnlockMethod = 'face_check';

export async function unlockDevice(): Promise<UnlockOutcome> {
  return { kind: 'face_check', reason: 'unsupported' };
}
