/**
 * What queryverifyinfo's `verify_ret` means for the domain. Only 10000 passes.
 *
 * Source: https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo.html
 * (the Res.verify_ret enum: 10000 识别成功, 10001 参数错误, 10002 人脸特征检测失败,
 * 10003 身份证号不匹配, 10004 比对人脸信息不匹配, and the device/user range
 * 90001–90199), with 10005 正在检测中, 10006 appid没有权限 and 10300 未完成核身 as
 * WxJava lists them (binarywang/WxJava, WxMaFaceQueryVerifyInfoResponse).
 *
 * Classes, in the domain's words (server/domain/face-check.ts):
 * - passed: liveness, face and identity all confirmed;
 * - face_mismatch: 10004, and also 10003. WeChat checks the name against the
 *   number before it compares the face, so telling 10003 from 10004 would
 *   tell a stranger holding someone's number whether a name belongs to it,
 *   the oracle the Authority port rules out. Both are "this face is not that
 *   identity", and both count against the number as a stranger's try;
 * - liveness_failed: no usable live capture (10002, not completed 10300,
 *   cancelled, timed out, camera or microphone refused, device unsupported,
 *   capture invalid): the usual failure, and the device's own error code
 *   gives the precise next step on the phone (src/platform/face-verify.weapp.ts);
 * - network: the capture could not reach WeChat, or it is still processing
 *   (10005): no verdict, nothing counted, try again;
 * - not_configured: this AppID may not use face verification (10006);
 * - unexpected: our request was wrong (10001), WeChat's system failed, or a
 *   value this code does not know. Never a pass.
 */
export type VerifyRetClass = 'passed' | 'face_mismatch' | 'liveness_failed' | 'network' | 'not_configured' | 'unexpected';

const NETWORK = new Set([10005, 90007, 90012, 90019, 90020, 90021]);
const SYSTEM = new Set([90015, 90018, 90022, 90104, 90105, 90110, 90199]);

export function classifyVerifyRet(verifyRet: number): VerifyRetClass {
  if (verifyRet === 10000) return 'passed';
  if (verifyRet === 10003 || verifyRet === 10004) return 'face_mismatch';
  if (verifyRet === 10002 || verifyRet === 10300) return 'liveness_failed';
  if (verifyRet === 10006) return 'not_configured';
  if (NETWORK.has(verifyRet)) return 'network';
  if (SYSTEM.has(verifyRet)) return 'unexpected';
  // The rest of the documented device and user range: cancelled, permissions, unsupported device, invalid capture, timeouts.
  if (verifyRet >= 90001 && verifyRet <= 90199) return 'liveness_failed';
  return 'unexpected';
}
