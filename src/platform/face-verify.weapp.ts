/**
 * WeChat: face verification 2.0 on the device. wx.requestFacialVerify runs
 * liveness and the face comparison inside WeChat for the verifyId the server
 * got from getverifyid; success only means the check finished, so the page
 * sends the verifyId back and the server asks WeChat for the verdict
 * (queryverifyinfo). A failure is classified here from WeChat's own error
 * code, so the citizen gets the precise next step without a server call.
 * Source: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/face/wx.requestFacialVerify.html
 * (base library 3.8.12+), error codes as queryverifyinfo's verify_ret enum.
 */
import type { PlatformFaceOutcome } from './face-verify';

type RequestFacialVerify = (options: {
  verifyId: string;
  success: () => void;
  fail: (res: { errCode?: number; errMsg?: string }) => void;
}) => void;

const CANCELLED = new Set([90002, 90003, 90004, 90005, 90006, 90024]);
const NETWORK = new Set([90007, 90012, 90019, 90020, 90021]);
const UNSUPPORTED = new Set([90001, 90109]);
const PERMISSION: Record<number, 'camera' | 'microphone' | 'camera_and_microphone'> = {
  90008: 'camera',
  90009: 'microphone',
  90010: 'camera_and_microphone',
};

export const PLATFORM_FACE_CHECK = true;

function outcomeOf(errCode: number | undefined): PlatformFaceOutcome {
  if (errCode === undefined) return { kind: 'failed' };
  if (CANCELLED.has(errCode)) return { kind: 'cancelled' };
  if (errCode in PERMISSION) return { kind: 'needs_permission', what: PERMISSION[errCode] };
  if (UNSUPPORTED.has(errCode)) return { kind: 'unsupported' };
  if (NETWORK.has(errCode)) return { kind: 'network' };
  return { kind: 'failed', errCode };
}

export function runPlatformFaceCheck(verifyId: string): Promise<PlatformFaceOutcome> {
  const request = (wx as unknown as { requestFacialVerify?: RequestFacialVerify }).requestFacialVerify;
  if (typeof request !== 'function') return Promise.resolve({ kind: 'unsupported' });
  return new Promise((resolve) => {
    try {
      request({
        verifyId,
        success: () => resolve({ kind: 'completed', faceCapture: verifyId }),
        fail: (res) => resolve(outcomeOf(typeof res?.errCode === 'number' ? res.errCode : undefined)),
      });
    } catch {
      resolve({ kind: 'failed' });
    }
  });
}
