/**
 * The platform's identity authority: WeChat face verification 2.0 (微信人脸核身).
 * The flow, across the Authority port's two halves:
 * 1. begin: the server calls getverifyid with the claimed name and ID number
 *    and the caller's OPENID, under the face session's id as out_seq_no, and
 *    hands the verifyId to the mini-program;
 * 2. the mini-program runs wx.requestFacialVerify({ verifyId }) (liveness and
 *    the face comparison happen inside WeChat) and sends the verifyId back;
 * 3. verify: the server calls queryverifyinfo with the verifyId, the same
 *    out_seq_no and OPENID, and a hash of the same identity (cert_hash), and
 *    accepts only verify_ret 10000 (verify-ret.ts classifies the rest).
 * WeChat binds the verifyId to out_seq_no, OPENID and cert_hash, so a device
 * cannot bring another session's, another user's or another identity's check.
 *
 * Sources:
 * - getverifyid: https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_getverifyid.html
 *   (POST /cityservice/face/identify/getverifyid?access_token=…, body out_seq_no,
 *   cert_info { cert_type 'IDENTITY_CARD', cert_name, cert_no }, openid; reply
 *   errcode, errmsg, verify_id, expires_in). out_seq_no: 5–32 characters of
 *   [0-9A-Za-z_-], unique per AppID (WxJava's WxMaFaceGetVerifyIdRequest).
 * - queryverifyinfo: https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo.html
 *   (body verify_id, out_seq_no, cert_hash, openid; reply errcode, errmsg, verify_ret).
 *   cert_hash as WxJava transcribes the page's notes: each of cert_type, cert_name,
 *   cert_no in standard base64, joined as `cert_type=…&cert_name=…&cert_no=…`,
 *   then SHA-256 as lower-case hex. Check it against the official page before
 *   going live; a wrong hash fails closed (errcode, no pass).
 * - wx.requestFacialVerify: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/face/wx.requestFacialVerify.html
 *
 * Only the 18-character resident ID number is documented (cert_type
 * IDENTITY_CARD); whether WeChat serves residence permits and foreign
 * permanent residence IDs under it is not documented, so they go as they are.
 * Nothing here logs a name, an ID number, an OPENID or a verifyId.
 */
import { createHash } from 'node:crypto';
import { EidError } from '../../../core/errors';
import type { LivenessChallenge } from '../../../core/liveness';
import type { Authority, AuthorityVerdict, Clock, FaceSessionRef, IdentityClaim, PlatformFaceCheck } from '../../domain/ports';
import { AuthorityUnavailable } from '../../domain/ports';
import { StableAccessToken, type AppCredentials } from './access-token';
import type { PostJson } from './post-json';
import { classifyVerifyRet } from './verify-ret';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

/** Errcodes that say the access token is no longer good: fetch a new one and try once more. */
const STALE_TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
/** The longest verify_id getverifyid returns (its docs: "长度不超过 256 字符"). */
const MAX_VERIFY_ID_LENGTH = 256;
const OUT_SEQ_NO = /^[0-9A-Za-z_-]{5,32}$/;

export interface WeChatFaceOptions {
  credentials: AppCredentials;
  post: PostJson;
  clock: Clock;
  /** Where WeChat's server APIs live; a local endpoint in tests. */
  apiBase?: URL;
}

export class WeChatFaceAuthority implements Authority {
  readonly label = 'WeChat face verification 2.0 (微信人脸核身)';
  private readonly token: StableAccessToken;
  private readonly apiBase: URL;

  constructor(private readonly options: WeChatFaceOptions) {
    this.apiBase = options.apiBase ?? new URL(WECHAT_API_BASE);
    this.token = new StableAccessToken(this.apiBase, options.credentials, options.post, options.clock);
  }

  /** WeChat runs its own liveness inside wx.requestFacialVerify: nothing for our page to ask. */
  issueChallenge(): LivenessChallenge {
    return { actions: [], digits: '' };
  }

  async begin({ sessionId, holder, claim }: FaceSessionRef & { claim: IdentityClaim | null }): Promise<PlatformFaceCheck> {
    // Without a typed claim or a card there is nobody to compare the face with.
    if (!claim) throw new EidError('INVALID_INPUT', { reason: 'schema', details: { field: 'claim' } });
    if (!OUT_SEQ_NO.test(sessionId)) throw new TypeError('A face session id must be a valid out_seq_no');
    const reply = await this.call('/cityservice/face/identify/getverifyid', {
      out_seq_no: sessionId,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: claim.name, cert_no: claim.idNumber },
      openid: holder,
    });
    const verifyId = reply.verify_id;
    if (typeof verifyId !== 'string' || !verifyId || verifyId.length > MAX_VERIFY_ID_LENGTH) throw new AuthorityUnavailable('unexpected_reply');
    return { verifyId };
  }

  async verify({ sessionId, holder, claim, faceCapture }: Parameters<Authority['verify']>[0]): Promise<AuthorityVerdict> {
    // The device sends back the verifyId of the check it ran; anything else is no completed check.
    if (!faceCapture || faceCapture.length > MAX_VERIFY_ID_LENGTH) return LIVENESS_FAILED;
    const reply = await this.call('/cityservice/face/identify/queryverifyinfo', {
      verify_id: faceCapture,
      out_seq_no: sessionId,
      cert_hash: certHash(claim),
      openid: holder,
    });
    if (typeof reply.verify_ret !== 'number') throw new AuthorityUnavailable('unexpected_reply');
    switch (classifyVerifyRet(reply.verify_ret)) {
      case 'passed':
        return { liveness: 'pass', face: 'match', identity: 'match' };
      case 'face_mismatch':
        return { liveness: 'pass', face: 'mismatch', identity: reply.verify_ret === 10003 ? 'name_mismatch' : 'match' };
      case 'liveness_failed':
        return LIVENESS_FAILED;
      case 'network':
        throw new AuthorityUnavailable('network');
      case 'not_configured':
        throw new AuthorityUnavailable('not_configured');
      case 'unexpected':
        throw new AuthorityUnavailable('unexpected_reply');
    }
  }

  /** One API call with the cached token; a stale token is replaced once. Errcode 0 or AuthorityUnavailable. */
  private async call(path: string, body: object, retried = false): Promise<Record<string, unknown>> {
    const token = await this.token.get();
    const url = new URL(path, this.apiBase);
    url.searchParams.set('access_token', token);
    const reply = await this.options.post(url, body);
    const errcode = reply.errcode ?? 0;
    if (errcode === 0) return reply;
    if (typeof errcode === 'number' && STALE_TOKEN_ERRCODES.has(errcode) && !retried) {
      this.token.invalidate(token);
      return this.call(path, body, true);
    }
    // 48001 (API not authorised): this AppID lacks the face-verification qualification.
    throw new AuthorityUnavailable(errcode === 48001 ? 'not_configured' : 'unexpected_reply');
  }
}

const LIVENESS_FAILED: AuthorityVerdict = { liveness: 'fail', face: 'not_checked', identity: 'not_found' };

/** queryverifyinfo's digest of the identity getverifyid was given (see the sources above). */
export function certHash(claim: IdentityClaim): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  const joined = `cert_type=${b64('IDENTITY_CARD')}&cert_name=${b64(claim.name)}&cert_no=${b64(claim.idNumber)}`;
  return createHash('sha256').update(joined, 'utf8').digest('hex');
}
