/**
 * A stand-in for WeChat's server APIs on 127.0.0.1, speaking the documented
 * request and reply shapes of getStableAccessToken, getverifyid and
 * queryverifyinfo (sources in server/adapters/wechat-face/wechat-face-authority.ts).
 *
 * What it is: a check that the adapter sends the documented requests (token in
 * the query, the documented body fields, the same out_seq_no, OPENID and
 * identity at both ends) and reads the documented replies, every verify_ret
 * class included. What it is not: WeChat. It compares no faces; each test says
 * which verify_ret a check ends with.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  path: string;
  accessToken: string | null;
  body: Record<string, unknown>;
}

interface Pending {
  outSeqNo: string;
  openid: string;
  certHash: string;
  verifyRet: number;
}

export interface WeChatEndpoint {
  apiBase: URL;
  calls: RecordedCall[];
  /** The verify_ret that queryverifyinfo answers for checks begun from now on (default 10000). */
  setVerifyRet(verifyRet: number): void;
  /** Replies with this errcode to the next call of `path` instead of answering it. */
  failNext(path: string, errcode: number): void;
  /** Makes every token issued so far invalid, as if it had expired. */
  expireTokens(): void;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(String(value), 'utf8').toString('base64');

export async function startWeChatEndpoint(): Promise<WeChatEndpoint> {
  const calls: RecordedCall[] = [];
  const pending = new Map<string, Pending>();
  const validTokens = new Set<string>();
  const failures = new Map<string, number[]>();
  let verifyRet = 10000;
  let issued = 0;

  const answer = (path: string, token: string | null, body: Record<string, unknown>): object => {
    const forced = failures.get(path)?.shift();
    if (forced !== undefined) return { errcode: forced, errmsg: 'forced by the test' };
    if (path === '/cgi-bin/stable_token') {
      if (body.grant_type !== 'client_credential' || typeof body.appid !== 'string' || typeof body.secret !== 'string') {
        return { errcode: 40002, errmsg: 'invalid grant_type' };
      }
      const accessToken = `synthetic-token-${++issued}`;
      validTokens.add(accessToken);
      return { access_token: accessToken, expires_in: 7200 };
    }
    if (!token || !validTokens.has(token)) return { errcode: 40001, errmsg: 'invalid credential' };
    if (path === '/cityservice/face/identify/getverifyid') {
      const cert = body.cert_info as Record<string, unknown> | undefined;
      if (typeof body.out_seq_no !== 'string' || typeof body.openid !== 'string' || cert?.cert_type !== 'IDENTITY_CARD') {
        return { errcode: 40097, errmsg: 'invalid args' };
      }
      const joined = `cert_type=${b64(cert.cert_type)}&cert_name=${b64(cert.cert_name)}&cert_no=${b64(cert.cert_no)}`;
      const verifyId = `synthetic-verify-${pending.size + 1}`;
      pending.set(verifyId, {
        outSeqNo: body.out_seq_no,
        openid: body.openid,
        certHash: createHash('sha256').update(joined).digest('hex'),
        verifyRet,
      });
      return { errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 };
    }
    if (path === '/cityservice/face/identify/queryverifyinfo') {
      const check = pending.get(String(body.verify_id));
      if (!check || check.outSeqNo !== body.out_seq_no || check.openid !== body.openid || check.certHash !== body.cert_hash) {
        return { errcode: 40097, errmsg: 'invalid args' };
      }
      return { errcode: 0, errmsg: 'ok', verify_ret: check.verifyRet };
    }
    return { errcode: 40066, errmsg: 'invalid url' };
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const accessToken = url.searchParams.get('access_token');
      calls.push({ path: url.pathname, accessToken, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.method === 'POST' ? answer(url.pathname, accessToken, body) : { errcode: 43002, errmsg: 'require POST method' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: new URL(`http://127.0.0.1:${port}`),
    calls,
    setVerifyRet: (value) => {
      verifyRet = value;
    },
    failNext: (path, errcode) => failures.set(path, [...(failures.get(path) ?? []), errcode]),
    expireTokens: () => validTokens.clear(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
