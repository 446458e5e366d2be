/**
 * The mini-program's access token for WeChat server APIs, fetched and cached
 * in this one place. Face verification 2.0's endpoints are not cloud-callable
 * (their docs: "本接口不支持云调用"), so they need a token.
 *
 * getStableAccessToken (POST /cgi-bin/stable_token, force_refresh false), not
 * getAccessToken: every cloud-function instance fetches its own token, and
 * each call of getAccessToken invalidates the token other instances hold,
 * while the stable token is the same for every caller until it nears expiry
 * (the platform renews it 5 minutes early and keeps the old one valid for
 * those 5 minutes). Source:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html
 *
 * Concurrent callers share one fetch. A token WeChat calls invalid (40001,
 * 42001, 40014) is dropped by `invalidate`, and the next call fetches again.
 */
import type { Clock } from '../../domain/ports';
import { AuthorityUnavailable } from '../../domain/ports';
import type { PostJson } from './post-json';

/** Errcodes of stable_token that mean this deployment's AppID or secret is wrong or not allowed, not that the network failed. */
const CONFIGURATION_ERRCODES = new Set([40013, 40125, 40164, 41002, 41004]);
/** Stop using a cached token this long before WeChat says it expires. */
const EXPIRY_MARGIN_MS = 60_000;

export interface AppCredentials {
  appId: string;
  appSecret: string;
}

export class StableAccessToken {
  private cached: { token: string; expiresAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly apiBase: URL,
    private readonly credentials: AppCredentials,
    private readonly post: PostJson,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.expiresAt) return this.cached.token;
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Forgets `token` if it is the cached one (a newer token fetched meanwhile stays). */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = null;
  }

  private async fetch(): Promise<string> {
    const reply = await this.post(new URL('/cgi-bin/stable_token', this.apiBase), {
      grant_type: 'client_credential',
      appid: this.credentials.appId,
      secret: this.credentials.appSecret,
      force_refresh: false,
    });
    const { access_token: token, expires_in: expiresIn, errcode } = reply;
    if (typeof token !== 'string' || !token || typeof expiresIn !== 'number') {
      throw new AuthorityUnavailable(typeof errcode === 'number' && CONFIGURATION_ERRCODES.has(errcode) ? 'not_configured' : 'network');
    }
    this.cached = { token, expiresAt: this.clock.now().getTime() + expiresIn * 1000 - EXPIRY_MARGIN_MS };
    return token;
  }
}
