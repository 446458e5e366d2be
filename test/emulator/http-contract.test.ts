/** The emulator's HTTP contract (DESIGN.md §7), over a real socket on 127.0.0.1. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedCheckpoints } from '../../server/adapters/audit/audit-trail';
import { createEmulatorServer, MAX_BODY_BYTES } from '../../server/emulator/http-server';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
let server: Server;
let base: string;

beforeAll(async () => {
  h = createHarness();
  const staticDir = join(h.dataDir, 'h5');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<html>app</html>');
  const quiet = { info: () => undefined, error: () => undefined };
  server = createEmulatorServer({ functions: h.emulator.functions, jwks: () => h.emulator.issuer.jwks(), auditCheckpoints: async () => ({ checkpoints: await publishedCheckpoints(h.emulator.deps.store) }), staticDir, log: quiet });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

describe('POST /fn/{function}', () => {
  it('answers a function result with HTTP 200, success or failure', async () => {
    const ok = await post('/fn/citizen', '{"action":"getCard"}', { 'X-Dev-Openid': 'dev-alice' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, card: null });

    const failed = await post('/fn/citizen', '{"action":"nope"}', { 'X-Dev-Openid': 'dev-alice' });
    expect(failed.status).toBe(200);
    expect(await failed.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'unknown_action' });
  });

  it('ignores a malformed dev identity header', async () => {
    const response = await post('/fn/citizen', '{"action":"getCard"}', { 'X-Dev-Openid': 'a b;c' });
    expect(await response.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'no_caller' });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await post('/fn/citizen', '{"action":');
    expect(response.status).toBe(400);
  });

  it('answers 404 for a function that does not exist, including prototype names', async () => {
    expect((await post('/fn/nosuch', '{}')).status).toBe(404);
    expect((await post('/fn/constructor', '{}')).status).toBe(404);
  });

  it('answers 413 for a body over the limit, and nothing is written', async () => {
    const before = h.rowCounts();
    const response = await post('/fn/citizen', JSON.stringify({ action: 'enroll', name: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(response.status).toBe(413);
    expect(h.rowCounts()).toEqual(before);
  });

  it('hosts all four functions; each refuses an action it does not have, and a malformed event', async () => {
    const partner = await post('/fn/partner', '{"action":"exchangeCode"}');
    expect(await partner.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'unknown_action' });
    for (const name of ['verifier', 'admin']) {
      const response = await post(`/fn/${name}`, '{"action":"verify"}');
      expect(await response.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
  });
});

describe('GET', () => {
  it('publishes the issuer keys as a JWKS with no private parts', async () => {
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('publishes the signed audit checkpoints, each verifiable with the JWKS, naming no card', async () => {
    const none = (await (await fetch(`${base}/audit/checkpoints`)).json()) as { checkpoints: unknown[] };
    expect(none).toEqual({ checkpoints: [] });

    await h.emulator.deps.store.addAuditCheckpoint({ at: h.clock.now(), token: 'signed.root.token', heads: { 'card-1': 'a'.repeat(64) } });
    const published = await fetch(`${base}/audit/checkpoints`);
    expect(published.headers.get('content-type')).toContain('application/json');
    const body = await published.text();
    expect(JSON.parse(body)).toEqual({ checkpoints: [{ at: h.clock.now().toISOString(), token: 'signed.root.token' }] });
    expect(body).not.toContain('card-1');
  });

  it('serves the h5 app at / and never a file outside it', async () => {
    expect(await (await fetch(`${base}/`)).text()).toBe('<html>app</html>');
    const escape = await fetch(`${base}/..%2F..%2Feid.sqlite`);
    expect(await escape.text()).toBe('<html>app</html>');
  });
});

describe('regressions', () => {
  it('a malformed escape in a static path gets the app, not a 500', async () => {
    const response = await fetch(`${base}/%E0%A4%A`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<html>app</html>');
  });
});
