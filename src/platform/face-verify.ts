/**
 * The client half of a platform face check (WeChat face verification 2.0):
 * the server's startFace answers with a `verifyId` when the platform runs the
 * check itself (deployed); the page then calls runPlatformFaceCheck and, on
 * `completed`, sends `faceCapture` with enroll or reauth and no `liveness`.
 * Without a verifyId (the emulator's SIMULATED authority) the page shows the
 * simulated challenge instead, as before. The server's composition decides
 * which, and the view's `authority` label says which to the citizen.
 *
 * Taro picks face-verify.weapp.ts (wx.requestFacialVerify) or face-verify.h5.ts
 * (the browser simulator has none); this one serves the type checker and
 * platforms without a platform face check.
 */

/** What came of the check on the device; only `completed` is sent to the server, which asks WeChat for the verdict. */
export type PlatformFaceOutcome =
  /** The check ran to its end (not necessarily passed): send `faceCapture` (the verifyId) to enroll or reauth. */
  | { kind: 'completed'; faceCapture: string }
  /** The citizen closed it: nothing is sent; offer to start again. */
  | { kind: 'cancelled' }
  /** WeChat may not use the camera or microphone: say which, and how to allow it in the settings. */
  | { kind: 'needs_permission'; what: 'camera' | 'microphone' | 'camera_and_microphone' }
  /** This phone or WeChat version cannot run it (base library below 3.8.12, or no face detection). */
  | { kind: 'unsupported' }
  /** The capture could not reach WeChat: try again. */
  | { kind: 'network' }
  /** Anything else; `errCode` is WeChat's, for the support detail only. */
  | { kind: 'failed'; errCode?: number };

/** Whether this platform can run a platform face check at all. */
export const PLATFORM_FACE_CHECK = false;

export async function runPlatformFaceCheck(_verifyId: string): Promise<PlatformFaceOutcome> {
  return { kind: 'unsupported' };
}
