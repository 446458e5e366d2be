/**
 * Who calls a deployed function, as the platform says, never as the event
 * says. The citizen's OPENID comes from the WeChat context the runtime fills
 * (`cloud.getWXContext()` of wx-server-sdk, read inside each call), and only
 * for calls the mini-program made (SOURCE exactly `wx_client`: not the IDE,
 * not HTTP, not another function passing a call on). `event.userInfo`, which
 * the platform also adds, is stripped by the entry and never read: an event
 * is the caller's to write. The verifier, partner and admin functions
 * authenticate by their signed assertions alone.
 *
 * SOURCE values: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.html
 */
import type { Caller } from '../functions/boundary';

/** What this code reads of cloud.getWXContext(). */
export interface PlatformContext {
  OPENID?: unknown;
  SOURCE?: unknown;
}

export type Identified = { caller: Caller } | { refused: { source: string } };
export type Identify = () => Identified;

/** Sources worth naming in a log; anything else is logged as `other`, since the value is not ours to echo. */
const KNOWN_SOURCES = ['wx_client', 'wx_devtools', 'wx_http', 'wx_trigger', 'wx_unknown', 'wx_localdebug', 'wx_crawler', 'scf'];

export function citizenFromPlatform(readContext: () => PlatformContext): Identify {
  return () => {
    const { OPENID, SOURCE } = readContext();
    if (SOURCE === 'wx_client' && typeof OPENID === 'string' && OPENID.length > 0) return { caller: { openid: OPENID } };
    const source = typeof SOURCE === 'string' && KNOWN_SOURCES.includes(SOURCE) ? SOURCE : SOURCE === undefined ? 'none' : 'other';
    return { refused: { source } };
  };
}

/** Verifier, partner, admin: no citizen; the event's signed assertion says who calls. */
export const assertionsOnly: Identify = () => ({ caller: {} });
