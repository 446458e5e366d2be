/**
 * The partner kit's client: what a partner's Node backend runs to call the
 * partner function — a fresh assertion with every call, the code exchange
 * with the issuer's signature checked against the JWKS, tile submission and
 * status. Speaks the emulator's HTTP contract (POST the event as JSON; the
 * answer is `{ ok: true, ... }` or `{ ok: false, code, message }`).
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { Result } from '../../../core/api';
import type { ErrorCode } from '../../../core/errors';
import type { ErrorReason } from '../../../core/reasons';
import type { ExchangeResult, SubmittedTileView, TileStatusView } from '../../../core/services-api';
import type { PartnerScope } from '../../../core/services';
import type { TileManifest } from '../../../core/tile-manifest';
import { IssuerJwks, ReleaseRefused, type VerifiedRelease } from './issuer-jwks';
import { signPartnerAssertion } from './sign-partner-assertion';

export interface PartnerClientOptions {
  /** The partner function's URL: `http://127.0.0.1:8787/fn/partner` on the emulator, or your deployment's function URL. */
  functionUrl: string;
  /** The issuer's JWKS: `http://127.0.0.1:8787/.well-known/jwks.json` on the emulator. */
  jwksUrl: string;
  partnerId: string;
  /** Your ES256 (P-256) private key: a KeyObject or PKCS#8 PEM text, parsed once. */
  privateKey: KeyObject | string;
  /** Replaceable for tests; defaults to global fetch and the wall clock. */
  postJson?: (url: string, body: unknown) => Promise<unknown>;
  fetchJson?: (url: string) => Promise<unknown>;
  clock?: () => Date;
}

/** A refusal from the service, with its stable code (core/errors.ts). */
export class PartnerCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason?: ErrorReason,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'PartnerCallError';
  }
}

const postWithFetch = async (url: string, body: unknown): Promise<unknown> => {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
};

export class PartnerClient {
  readonly jwks: IssuerJwks;
  private readonly privateKey: KeyObject;
  private readonly postJson: (url: string, body: unknown) => Promise<unknown>;
  private readonly clock: () => Date;

  constructor(private readonly options: PartnerClientOptions) {
    this.privateKey = typeof options.privateKey === 'string' ? createPrivateKey(options.privateKey) : options.privateKey;
    this.postJson = options.postJson ?? postWithFetch;
    this.clock = options.clock ?? (() => new Date());
    this.jwks = new IssuerJwks(options.jwksUrl, options.fetchJson, this.clock);
  }

  /** One call of the partner function with a fresh assertion; throws PartnerCallError on `{ ok: false }`. */
  async call<T extends object>(event: { action: string } & Record<string, unknown>): Promise<T> {
    const assertion = signPartnerAssertion({ partnerId: this.options.partnerId, privateKey: this.privateKey }, this.clock());
    const answer = (await this.postJson(this.options.functionUrl, { ...event, assertion })) as Result<T>;
    if (!answer.ok) throw new PartnerCallError(answer.code, answer.reason, answer.message);
    const { ok: _ok, ...body } = answer;
    return body as unknown as T;
  }

  /**
   * Exchanges a citizen's one-time code for the granted attributes and the
   * pairwise subject id, and checks the issuer's signature over them with the
   * JWKS: what comes back is what the issuer signed for you.
   */
  async exchange(code: string, scopes?: PartnerScope[]): Promise<VerifiedRelease> {
    const answer = await this.call<ExchangeResult>({ action: 'exchange', code, ...(scopes && { scopes }) });
    const release = await this.jwks.verifyRelease(answer.idToken, this.options.partnerId);
    if (release.subject !== answer.subject || release.tileId !== answer.tileId) throw new ReleaseRefused('claims');
    return release;
  }

  submitTile(manifest: TileManifest, tileId?: string): Promise<SubmittedTileView> {
    return this.call<SubmittedTileView>({ action: 'submitTile', manifest, ...(tileId && { tileId }) });
  }

  tileStatus(tileId?: string): Promise<{ tiles: TileStatusView[] }> {
    return this.call<{ tiles: TileStatusView[] }>({ action: 'tileStatus', ...(tileId && { tileId }) });
  }
}
