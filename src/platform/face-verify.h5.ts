/**
 * The browser simulator has no platform face check: its server is the
 * emulator, whose SIMULATED authority never sends a verifyId, so the face
 * page shows the simulated challenge. Should one arrive anyway, it says so
 * rather than pretend.
 */
import type { PlatformFaceOutcome } from './face-verify';

export const PLATFORM_FACE_CHECK = false;

export async function runPlatformFaceCheck(_verifyId: string): Promise<PlatformFaceOutcome> {
  return { kind: 'unsupported' };
}
