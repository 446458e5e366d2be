/**
 * One JSON POST to a WeChat server API, with a deadline. Built on node:http(s)
 * rather than fetch so that it runs on every Node the cloud functions may be
 * deployed on (CloudBase still offers Node 16, which has no global fetch).
 * Any failure on the way is AuthorityUnavailable('network'); the reply body is
 * returned as parsed JSON for the caller to read its errcode.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AuthorityUnavailable } from '../../domain/ports';

export type PostJson = (url: URL, body: object) => Promise<Record<string, unknown>>;

/** Replies larger than this are not WeChat's: refused rather than buffered. */
const MAX_REPLY_BYTES = 64 * 1024;

export function postJsonWithin(timeoutMs: number): PostJson {
  return (url, body) =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const fail = () => reject(new AuthorityUnavailable('network'));
      const req = send(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length }, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_REPLY_BYTES) return void chunks.push(chunk);
            res.destroy();
            reject(new AuthorityUnavailable('unexpected_reply'));
          });
          res.on('error', fail);
          res.on('end', () => {
            if (res.statusCode !== 200) return fail();
            try {
              const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) resolve(parsed as Record<string, unknown>);
              else reject(new AuthorityUnavailable('unexpected_reply'));
            } catch {
              reject(new AuthorityUnavailable('unexpected_reply'));
            }
          });
        },
      );
      req.on('timeout', () => req.destroy());
      req.on('error', fail);
      req.end(payload);
    });
}
