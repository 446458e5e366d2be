/** The browser simulator has no fingerprint or face sensor: its unlock is a button that says it is simulated. */
import type { UnlockMethod, UnlockOutcome } from './unlock';

export const UNLOCK_METHOD: UnlockMethod = 'simulated';

export async function unlockDevice(): Promise<UnlockOutcome> {
  return { kind: 'unlocked' };
}
