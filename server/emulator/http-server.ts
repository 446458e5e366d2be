/**
 * The local emulator's HTTP contract (DESIGN.md §7): POST /fn/{function}
 * with the event as JSON; 200 for every function answer, 4xx only for a body
 * that is not JSON or too large, a function that does not exist, or a call
 * the edge refuses (edge.ts: Host, Origin, Content-Type). Logs carry the
 * route, action, code and time, never a body.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { FunctionName } from '../../core/api';
import type { CloudFunction, Logger } from '../functions/boundary';
import { KNOWN_ACTIONS } from '../../core/schemas';
import { appHeaders, FUNCTION_ANSWER_HEADERS, refusalAtEdge } from './edge';

export const MAX_BODY_BYTES = 64 * 1024;
/**
 * Past the limit the emulator answers 413 at once and reads on only so that a
 * client that is nearly done can finish sending and read the answer: at most
 * this much more, for at most this long. Then the connection is cut, so an
 * upload of any size costs a bounded read.
 */
const OVERSIZED_BODY_LINGER_BYTES = 1024 * 1024;
const OVERSIZED_BODY_LINGER_MS = 2000;
const DEV_OPENID = /^[A-Za-z0-9_-]{1,64}$/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A simulator-only site under a path prefix (the sample partner at /partners/demo/), answering its own requests. */
export type MountedSite = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

export interface EmulatorHttpOptions {
  functions: Record<FunctionName, CloudFunction>;
  jwks: () => object;
  /** The signed usage-chain checkpoints, published at GET /audit/checkpoints (server/adapters/audit/audit-trail.ts). */
  auditCheckpoints?: () => Promise<object>;
  /** Emulator-only helpers at POST /dev/{name}, answered like functions. */
  devRoutes?: Record<string, CloudFunction>;
  /** The h5 build to serve at /, if built. */
  staticDir?: string;
  /** Path prefix → site, tried before the h5 build. */
  sites?: Record<string, MountedSite>;
  log: Logger;
}

export function createEmulatorServer(options: EmulatorHttpOptions): Server {
  return createServer((request, response) => {
    route(request, response, options).catch((error: unknown) => {
      options.log.error('request failed', { type: error instanceof Error ? error.name : typeof error });
      if (!response.headersSent) sendJson(response, 500, { error: 'internal' });
      else response.destroy();
    });
  });
}

async function route(request: IncomingMessage, response: ServerResponse, options: EmulatorHttpOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const fn = /^\/fn\/([a-z]+)$/.exec(url.pathname);
  if (fn) return callHandler('fn', fn[1], options.functions, request, response, options.log);
  const dev = /^\/dev\/([a-z-]+)$/.exec(url.pathname);
  if (dev) return callHandler('dev', dev[1], options.devRoutes ?? {}, request, response, options.log);
  const site = Object.entries(options.sites ?? {}).find(([prefix]) => url.pathname.startsWith(prefix));
  if (site) return site[1](request, response, url);
  if (request.method === 'OPTIONS') return answerOptions(response, 'GET, HEAD, OPTIONS');
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'method not allowed' });
  if (url.pathname === '/.well-known/jwks.json') return sendJson(response, 200, options.jwks());
  if (url.pathname === '/audit/checkpoints' && options.auditCheckpoints) return sendJson(response, 200, await options.auditCheckpoints());
  return serveStatic(url.pathname, response, options.staticDir);
}

/** OPTIONS says which methods a path takes, and grants no other origin anything (no Access-Control-* headers). */
function answerOptions(response: ServerResponse, allow: string): void {
  response.writeHead(204, { ...FUNCTION_ANSWER_HEADERS, Allow: allow });
  response.end();
}

/** POST /fn/{name} and /dev/{name}: one JSON event in, one function result out, HTTP 200 either way. */
async function callHandler(
  prefix: 'fn' | 'dev',
  name: string,
  handlers: Record<string, CloudFunction>,
  request: IncomingMessage,
  response: ServerResponse,
  log: Logger,
) {
  const refused = refusalAtEdge(request);
  if (refused) return sendJson(response, refused.status, { error: refused.error });
  if (request.method === 'OPTIONS') return answerOptions(response, 'POST, OPTIONS');
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' });
  if (!Object.prototype.hasOwnProperty.call(handlers, name)) return sendJson(response, 404, { error: `no such ${prefix === 'fn' ? 'function' : 'route'}` });
  const started = process.hrtime.bigint();
  const body = await readBody(request);
  if (body === null) return refuseOversizedBody(request, response);
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    return sendJson(response, 400, { error: 'body is not JSON' });
  }
  const header = request.headers['x-dev-openid'];
  const openid = typeof header === 'string' && DEV_OPENID.test(header) ? header : undefined;
  const result = await handlers[name](event, { openid });
  sendJson(response, 200, result);
  // Only a known action name is logged: the caller chooses the text, and it could be anything.
  const claimed = event && typeof event === 'object' ? (event as { action?: unknown }).action : undefined;
  const action = typeof claimed === 'string' && KNOWN_ACTIONS.has(claimed) ? claimed : '-';
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  log.info(`${prefix} ${name}.${action}`, { result: result.ok ? 'ok' : result.code, ms: Math.round(ms * 10) / 10 });
}

/** The body as text, or null as soon as it is (or says it will be) over MAX_BODY_BYTES; reading stops there. */
export function readBody(request: IncomingMessage): Promise<string | null> {
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off('data', onData);
      request.off('end', onEnd);
      request.pause();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}

/** 413 at once, then a bounded linger (see OVERSIZED_BODY_LINGER_*) before the connection is cut. */
function refuseOversizedBody(request: IncomingMessage, response: ServerResponse): void {
  sendJson(response, 413, { error: `body over ${MAX_BODY_BYTES} bytes` }, { Connection: 'close' });
  let discarded = 0;
  const cut = () => request.destroy();
  const timer = setTimeout(cut, OVERSIZED_BODY_LINGER_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > OVERSIZED_BODY_LINGER_BYTES) cut();
  });
  request.once('close', () => clearTimeout(timer));
  request.resume();
}

function serveStatic(pathname: string, response: ServerResponse, staticDir: string | undefined): void {
  if (!staticDir || !existsSync(join(staticDir, 'index.html'))) {
    response.writeHead(503, { ...FUNCTION_ANSWER_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('The h5 app is not built yet: run `npm run build:h5` (npm start does it for you).\n');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/'; // a malformed escape gets the app, like any unknown path
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(staticDir, relative === '' ? 'index.html' : relative);
  const inside = file === staticDir || file.startsWith(staticDir.endsWith(sep) ? staticDir : staticDir + sep);
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(staticDir, 'index.html');
  response.writeHead(200, {
    ...appHeadersFor(join(staticDir, 'index.html')),
    'Content-Type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    'Cache-Control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(target).pipe(response);
}

/** The app's headers follow its index.html (the CSP names its inline scripts' hashes), read again only when the file changes. */
let appHeadersCache: { file: string; mtimeMs: number; size: number; headers: OutgoingHttpHeaders } | undefined;
function appHeadersFor(indexFile: string): OutgoingHttpHeaders {
  const { mtimeMs, size } = statSync(indexFile);
  const cached = appHeadersCache;
  if (cached && cached.file === indexFile && cached.mtimeMs === mtimeMs && cached.size === size) return cached.headers;
  const headers = appHeaders(readFileSync(indexFile, 'utf8'));
  appHeadersCache = { file: indexFile, mtimeMs, size, headers };
  return headers;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, extra: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...FUNCTION_ANSWER_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
