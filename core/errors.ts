import type { ErrorReason } from './reasons';

/**
 * Every failure a caller can see: a stable code, a Chinese and an English
 * message, and never any personal data (DESIGN.md §5).
 *
 * Only the cloud-function boundary turns an EidError into
 * `{ ok: false, code, message }`; the mini-program reads the same table to
 * show the message in the user's language.
 */

export const ERROR_MESSAGES = {
  INVALID_INPUT: { zh: '请求内容不正确', en: 'The request is not valid' },
  ID_NUMBER_INVALID: { zh: '身份证号码不正确', en: 'The ID number is not valid' },
  NAME_INVALID: { zh: '姓名不正确', en: 'The name is not valid' },
  CONSENT_REQUIRED: { zh: '需要您同意处理敏感个人信息', en: 'Your consent to process sensitive personal data is required' },
  RATE_LIMITED: { zh: '尝试次数过多，请一小时后再试', en: 'Too many attempts; please try again in an hour' },
  FACE_SESSION_EXPIRED: { zh: '人脸核验已过期，请重新开始', en: 'The face check has expired; please start again' },
  FACE_MISMATCH: { zh: '人脸与身份信息不一致', en: 'The face does not match the identity' },
  LIVENESS_FAILED: { zh: '活体检测未通过', en: 'The liveness check did not pass' },
  IDENTITY_NOT_FOUND: { zh: '身份信息核验未通过', en: 'The identity could not be confirmed' },
  CARD_EXISTS: { zh: '该身份已领取电子身份证', en: 'An e-ID card already exists for this identity' },
  CARD_NOT_FOUND: { zh: '未找到电子身份证', en: 'No e-ID card was found' },
  CARD_SUSPENDED: { zh: '电子身份证已挂失暂停', en: 'The e-ID card is suspended' },
  CARD_REVOKED: { zh: '电子身份证已注销', en: 'The e-ID card has been revoked' },
  // Card lifecycle (journey 6): each refused transition has its own code.
  CARD_ALREADY_SUSPENDED: { zh: '电子身份证已挂失，无需重复挂失', en: 'The e-ID card is already reported lost' },
  CARD_NOT_SUSPENDED: { zh: '电子身份证未挂失，无需恢复', en: 'The e-ID card is not suspended, so there is nothing to reinstate' },
  CARD_EXPIRED: { zh: '电子身份证已过有效期', en: 'The e-ID card has expired' },
  RENEWAL_NOT_OPEN: { zh: '有效期届满前90天内才可续期', en: 'Renewal opens 90 days before the card expires' },
  MOVE_LIMITED: { zh: '电子身份证近期转移次数过多，请30天后再试', en: 'This card has moved between accounts too often; please try again in 30 days' },
  MOVE_NOT_NEEDED: { zh: '电子身份证已在当前账号中', en: 'The e-ID card is already in this account' },
  // The card password and the colour upgrade at a terminal.
  PASSWORD_WEAK: { zh: '卡密码过于简单，请换一个', en: 'The card password is too easy to guess; please choose another' },
  PASSWORD_NOT_SET: { zh: '尚未设置卡密码', en: 'No card password has been set' },
  PASSWORD_WRONG: { zh: '卡密码不正确', en: 'The card password is wrong' },
  PASSWORD_LOCKED: {
    zh: '卡密码错误次数过多，已锁定：24小时后自动解锁，或通过人脸核验立即解锁',
    en: 'Too many wrong card passwords; password use is locked for 24 hours, or until a face check unlocks it',
  },
  UPGRADE_NOT_PERMITTED: { zh: '该终端无权办理彩色网证升级', en: 'This terminal is not permitted to upgrade cards' },
  IN_PERSON_CHECK_FAILED: { zh: '现场核验未通过', en: 'The in-person check at the terminal did not pass' },
  CARD_ALREADY_COLOUR: { zh: '已是彩色电子身份证', en: 'The e-ID card is already a colour card' },
  REAUTH_REQUIRED: { zh: '请重新进行人脸核验', en: 'Please verify your face again' },
  CODE_EXPIRED: { zh: '二维码已过期', en: 'The code has expired' },
  CODE_USED: { zh: '二维码已被使用', en: 'The code has already been used' },
  CODE_INVALID: { zh: '二维码无效', en: 'The code is not valid' },
  SCENE_NOT_ALLOWED: { zh: '当前场景不允许使用', en: 'This scene is not allowed' },
  LEVEL_TOO_LOW: { zh: '电子身份证等级不足', en: 'The card level is too low for this scene' },
  VERIFIER_UNKNOWN: { zh: '核验终端未登记或已停用', en: 'The verifier terminal is unknown or disabled' },
  PARTNER_UNAUTHORIZED: { zh: '合作方未授权', en: 'The partner is not authorized' },
  ADMIN_UNAUTHORIZED: { zh: '管理员身份未通过验证', en: 'The administrator could not be authenticated' },
  SCOPE_NOT_GRANTED: { zh: '未获得授权范围', en: 'The scope was not granted' },
  // Services (journey 5): partners, tiles, grants and one-time authorisation codes.
  PARTNER_SUSPENDED: { zh: '该合作方已暂停服务', en: 'The partner is suspended' },
  PARTNER_NOT_FOUND: { zh: '未找到该合作方', en: 'The partner was not found' },
  PARTNER_EXISTS: { zh: '该统一社会信用代码已登记为合作方', en: 'A partner with this unified social credit code is already registered' },
  ASSERTION_REUSED: { zh: '请求凭证已使用过，请为每次请求重新签名', en: 'This assertion was already used; sign a new one for every request' },
  SCOPE_NOT_ALLOWED: { zh: '申请的信息超出合作方获准的范围', en: "A requested scope is not among the partner's allowed scopes" },
  TARGET_NOT_REGISTERED: { zh: '跳转目标未登记在该合作方名下', en: 'The target is not registered to this partner' },
  TILE_NOT_FOUND: { zh: '未找到该服务', en: 'The service was not found' },
  TILE_NOT_APPROVED: { zh: '该服务尚未通过审核', en: 'The service is not approved' },
  TILE_SUSPENDED: { zh: '该服务已暂停', en: 'The service is suspended' },
  TILE_NOT_PENDING: { zh: '该版本不在待审核状态', en: 'This version of the service is not awaiting review' },
  AUTH_CODE_INVALID: { zh: '授权码无效', en: 'The authorisation code is not valid' },
  AUTH_CODE_EXPIRED: { zh: '授权码已过期', en: 'The authorisation code has expired' },
  AUTH_CODE_USED: { zh: '授权码已被使用', en: 'The authorisation code has already been used' },
  AUTH_CODE_FOREIGN: { zh: '授权码不属于该合作方', en: 'The authorisation code was issued for another partner' },
  GRANT_REVOKED: { zh: '您已撤销该授权', en: 'The authorisation was revoked' },
  GRANT_EXPIRED: { zh: '授权已过期，请重新授权', en: 'The authorisation has expired; please authorise again' },
  GRANT_NOT_FOUND: { zh: '未找到该授权', en: 'The authorisation was not found' },
  INTERNAL: { zh: '服务暂时不可用，请稍后再试', en: 'The service is temporarily unavailable; please try again later' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Lang = 'zh' | 'en';

/** The one message format callers read: Chinese, then English in brackets. */
export function bilingualMessage(code: ErrorCode): string {
  const { zh, en } = ERROR_MESSAGES[code];
  return `${zh} (${en})`;
}

/** The one error type that carries a stable code through the domain. */
export class EidError extends Error {
  readonly code: ErrorCode;
  readonly reason?: ErrorReason;
  /** Extra non-personal facts for the caller, e.g. attempts left. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;

  constructor(
    code: ErrorCode,
    options: { reason?: ErrorReason; details?: Record<string, string | number | boolean>; cause?: unknown } = {},
  ) {
    super(`${code}: ${ERROR_MESSAGES[code].en}`);
    this.name = 'EidError';
    this.code = code;
    this.reason = options.reason;
    this.details = options.details;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
