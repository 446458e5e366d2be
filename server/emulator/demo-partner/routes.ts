/**
 * The SIMULATED demo partner's site at /partners/demo/: its page (./page) and
 * its tiny backend, POST /partners/demo/api/exchange { code }, which does what
 * a real partner's backend does with the partner kit — exchange the code at
 * the partner function over HTTP with a fresh assertion, check the issuer's
 * signature with the JWKS — and hands the page what was released. Refused
 * codes come back with their stable code, so the page can show it.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { failure } from '../../../core/failure';
import { PartnerCallError, PartnerClient, type PartnerCredential } from '../../clients/partner-kit';
import type { Logger } from '../../functions/boundary';
import { refusalAtEdge } from '../edge';
import { readBody, sendJson, type MountedSite } from '../http-server';

export const DEMO_PARTNER_PREFIX = '/partners/demo/';

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '': { file: 'index.html', type: 'text/html; charset=utf-8' },
  'index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  'app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  'app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

/** The page's own files only; no referrer, so the code in its address never leaves in a Referer header. */
const PAGE_HEADERS: OutgoingHttpHeaders = {
  'Content-Security-Policy': "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

export interface DemoPartnerOptions {
  /** The emulator's own origin, e.g. http://127.0.0.1:8787: the backend calls its partner function and JWKS there. */
  origin: string;
  credential: PartnerCredential;
  log: Logger;
}

export function demoPartnerSite({ origin, credential, log }: DemoPartnerOptions): MountedSite {
  const client = new PartnerClient({
    functionUrl: `${origin}/fn/partner`,
    jwksUrl: `${origin}/.well-known/jwks.json`,
    partnerId: credential.partnerId,
    privateKey: credential.privateKey,
  });
  const files = Object.fromEntries(
    Object.entries(PAGE_FILES).map(([path, { file, type }]) => [path, { body: readFileSync(join(__dirname, 'page', file)), type }]),
  );

  return async (request, response, url) => {
    const path = url.pathname.slice(DEMO_PARTNER_PREFIX.length);
    if (path === 'api/exchange') return exchangeRoute(client, request, response, log);
    const page = files[path];
    if (!page || (request.method !== 'GET' && request.method !== 'HEAD')) return sendJson(response, 404, { error: 'not found' });
    response.writeHead(200, { ...PAGE_HEADERS, 'Content-Type': page.type, 'Content-Length': page.body.length });
    response.end(request.method === 'HEAD' ? undefined : page.body);
  };
}

async function exchangeRoute(client: PartnerClient, request: IncomingMessage, response: ServerResponse, log: Logger): Promise<void> {
  const refused = refusalAtEdge(request);
  if (refused) return sendJson(response, refused.status, { error: refused.error });
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' });
  const body = await readBody(request);
  let code: unknown;
  try {
    code = body === null ? undefined : (JSON.parse(body) as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  if (typeof code !== 'string' || code.length > 1024) return sendJson(response, 200, failure('INVALID_INPUT', { reason: 'schema', details: { field: 'code' } }));
  try {
    const release = await client.exchange(code);
    log.info('demo partner exchange', { result: 'ok' });
    sendJson(response, 200, { ok: true, subject: release.subject, scopes: release.scopes, attributes: release.attributes, tileId: release.tileId });
  } catch (error) {
    if (!(error instanceof PartnerCallError)) throw error;
    log.info('demo partner exchange', { result: error.code });
    sendJson(response, 200, failure(error.code, error.reason ? { reason: error.reason } : {}));
  }
}
