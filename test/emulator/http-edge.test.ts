/**
 * Issue 11, the emulator's edge: what a web page on another origin, a
 * rebinding DNS name or an oversized upload can make of the emulator. Over a
 * real socket on 127.0.0.1, with raw requests so that Host, Origin and
 * Content-Type are exactly what a test says.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createEmulatorServer, MAX_BODY_BYTES } from '../../server/emulator/http-server';
import { createHarness, type Harness } from '../support/harness';

/** Like Taro's h5 build: one inline script (rem sizing) and one inline style before the bundles. */
const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const INLINE_STYLE = 'body{margin:0}';
const INDEX_HTML = `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><style>${INLINE_STYLE}</style><script defer="defer" src="/js/app.js"></script></head><body><div id="app"></div></body></html>`;

let h: Harness;
let server: Server;
let port: number;

beforeAll(async () => {
  h = createHarness();
  const staticDir = join(h.dataDir, 'h5');
  mkdirSync(join(staticDir, 'js'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'js', 'app.js'), 'void 0;');
  const quiet = { info: () => undefined, error: () => undefined };
  const devRoutes = { 'verify-as-demo-terminal': async () => ({ ok: true as const }) };
  server = createEmulatorServer({ functions: h.emulator.functions, jwks: () => h.emulator.issuer.jwks(), devRoutes, staticDir, log: quiet });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request with exactly these headers (Host defaults to 127.0.0.1:port, as a browser on the app would send). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const getCard = (headers: Record<string, string>) => raw('POST', '/fn/citizen', { ...JSON_TYPE, 'X-Dev-Openid': 'dev-edge', ...headers }, '{"action":"getCard"}');

describe('Host and Origin', () => {
  it('the emulator’s edge: a foreign Host (DNS rebinding) is refused on /fn and /dev; localhost names on the bound port are served', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `localhost:${port + 1}`, `127.0.0.2:${port}`, `localhost.evil.example:${port}`]) {
      expect((await getCard({ Host: host })).status).toBe(403);
      expect((await raw('POST', '/dev/verify-as-demo-terminal', { ...JSON_TYPE, Host: host }, '{}')).status).toBe(403);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const answer = await getCard({ Host: host });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ ok: true, card: null });
    }
  });

  it('the emulator’s edge: a cross-origin POST is refused; same-origin or no Origin (curl, tests, terminals) is served', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${port}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      const refused = await getCard({ Origin: origin });
      expect(refused.status).toBe(403);
      expect(refused.body).not.toContain('card');
    }
    expect((await getCard({ Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await getCard({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await getCard({})).status).toBe(200);
  });

  it('the emulator’s edge: a text/plain POST (a CORS “simple request” any page can send) is refused, even from the same origin', async () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const answer = await raw('POST', '/fn/citizen', { 'Content-Type': type, 'X-Dev-Openid': 'dev-edge', Origin: `http://127.0.0.1:${port}` }, '{"action":"getCard"}');
      expect(answer.status).toBe(415);
    }
    expect((await raw('POST', '/fn/citizen', { 'X-Dev-Openid': 'dev-edge' }, '{"action":"getCard"}')).status).toBe(415);
    expect((await getCard({ 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('the emulator’s edge: OPTIONS is answered, and grants CORS to no other origin', async () => {
    const preflight = await raw('OPTIONS', '/fn/citizen', {
      Origin: 'http://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, x-dev-openid',
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const own = await raw('OPTIONS', '/fn/citizen');
    expect(own.status).toBe(204);
    expect(own.headers.allow).toBe('POST, OPTIONS');
    expect(Object.keys(own.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect((await raw('OPTIONS', '/')).headers.allow).toBe('GET, HEAD, OPTIONS');
  });
});

describe('security headers', () => {
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

  it('the emulator’s edge: the h5 app comes with a CSP its inline code satisfies, nosniff, frame-ancestors none and a Referrer-Policy', async () => {
    for (const path of ['/', '/js/app.js', '/no/such/page']) {
      const answer = await raw('GET', path);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      const csp = String(answer.headers['content-security-policy']);
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual(["'self'", sha256(INLINE_SCRIPT)]);
      expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]); // Taro's runtime adds <style> elements with no nonce
      expect(csp).not.toContain("'unsafe-eval'");
      expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    }
  });

  it('the emulator’s edge: function answers are never cached or sniffed, and cannot be framed', async () => {
    const answer = await getCard({});
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('oversized and deep bodies', () => {
  /** Streams up to `total` bytes of JSON whitespace (chunked, no Content-Length) until the server answers or cuts the connection. */
  function upload(total: number): Promise<{ written: number; status?: number; error?: string }> {
    return new Promise((resolve) => {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let written = 0;
      let settled = false;
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/fn/citizen', headers: { Host: `127.0.0.1:${port}`, ...JSON_TYPE } });
      const settle = (outcome: { status?: number; error?: string }) => {
        if (settled) return;
        settled = true;
        req.destroy();
        resolve({ written, ...outcome });
      };
      req.on('response', (res) => {
        res.resume();
        settle({ status: res.statusCode });
      });
      req.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code }));
      const pump = () => {
        while (!settled && written < total) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!settled) req.end();
      };
      pump();
    });
  }

  it('the emulator’s edge: a 500 MB upload is cut off near the size limit instead of being read to the end', async () => {
    const before = h.rowCounts();
    const outcome = await upload(500 * 1024 * 1024);
    expect(outcome.status === 413 || outcome.error === 'ECONNRESET' || outcome.error === 'EPIPE').toBe(true);
    expect(outcome.written).toBeLessThan(16 * 1024 * 1024);
    expect(h.rowCounts()).toEqual(before);
    expect((await getCard({})).status).toBe(200); // and the emulator carries on
  }, 30000);

  it('the emulator’s edge: a body that declares more than the limit is refused before it is read', async () => {
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/fn/citizen', headers: { Host: `127.0.0.1:${port}`, ...JSON_TYPE, 'Content-Length': String(500 * 1024 * 1024) } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        },
      );
      req.on('error', reject);
      req.write('{"action":'); // and nothing more: the answer must not wait for the other 500 MB
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
  });

  it('the emulator’s edge: a body just over the limit still gets its 413 answer rather than a reset', async () => {
    const answer = await raw('POST', '/fn/citizen', JSON_TYPE, JSON.stringify({ action: 'enroll', name: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(answer.status).toBe(413);
  });

  it('misleading reasons: a 30,000-deep JSON body gets too_deep over HTTP and the emulator keeps answering', async () => {
    const depth = 30_000;
    const body = '['.repeat(depth) + ']'.repeat(depth);
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    const answer = await raw('POST', '/fn/citizen', { ...JSON_TYPE, 'X-Dev-Openid': 'dev-edge' }, body);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'too_deep' });
    const asToken = await raw('POST', '/dev/verify-as-demo-terminal', JSON_TYPE, `{"token":${'['.repeat(depth - 10)}${']'.repeat(depth - 10)},"scene":"hotel"}`);
    expect(asToken.status).toBe(200);
    expect((await getCard({})).status).toBe(200);
  });
});
