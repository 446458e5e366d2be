/**
 * WeChat: the phone's own fingerprint or face unlock through SOTER. This is a
 * local unlock only: the signed resultJSON is not sent anywhere, so the
 * challenge just has to differ per attempt. Without a usable sensor, or after
 * it fails, the citizen opens the card with a face check instead.
 */
import type { UnlockMethod, UnlockOutcome } from './unlock';
import { randomHex } from './random-hex';

type SoterMode = 'fingerPrint' | 'facial';

export const UNLOCK_METHOD: UnlockMethod = 'biometric';

const AUTH_CONTENT = '验证身份以打开电子身份证';
/** SOTER's error code when the user closes the dialog. */
const USER_CANCELLED = 90008;

function supportedModes(): Promise<SoterMode[]> {
  return new Promise((resolve) => {
    wx.checkIsSupportSoterAuthentication({
      success: (res) => resolve(res.supportMode.filter((mode): mode is SoterMode => mode === 'fingerPrint' || mode === 'facial')),
      fail: () => resolve([]),
    });
  });
}

function isEnrolled(mode: SoterMode): Promise<boolean> {
  return new Promise((resolve) => {
    wx.checkIsSoterEnrolledInDevice({
      checkAuthMode: mode,
      success: (res) => resolve(res.isEnrolled),
      fail: () => resolve(false),
    });
  });
}

function authenticate(modes: SoterMode[]): Promise<UnlockOutcome> {
  return new Promise((resolve) => {
    wx.startSoterAuthentication({
      requestAuthModes: modes,
      challenge: randomHex(16),
      authContent: AUTH_CONTENT,
      success: (res) => resolve(res.errCode === 0 ? { kind: 'unlocked' } : { kind: 'face_check', reason: 'failed' }),
      fail: (res) => {
        const { errCode } = res as { errCode?: number };
        resolve(errCode === USER_CANCELLED ? { kind: 'cancelled' } : { kind: 'face_check', reason: 'failed' });
      },
    });
  });
}

export async function unlockDevice(): Promise<UnlockOutcome> {
  const supported = await supportedModes();
  if (supported.length === 0) return { kind: 'face_check', reason: 'unsupported' };
  const enrolled: SoterMode[] = [];
  for (const mode of supported) if (await isEnrolled(mode)) enrolled.push(mode);
  if (enrolled.length === 0) return { kind: 'face_check', reason: 'not_enrolled' };
  return authenticate(enrolled);
}
