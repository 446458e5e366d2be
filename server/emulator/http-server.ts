/**
 * The local emulator's HTTP contract (DESIGN.md §7): POST /fn/{function}
 * with the event as JSON; 200 for every function answer, 4xx only for a body
 * that is not JSON or a function that does not exist. Logs carry the route,
 * action, code and time, never a body.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { FunctionName } from '../../core/api';
import type { CloudFunction, Logger } from '../functions/boundary';
import { KNOWN_ACTIONS } from '../../core/schemas';

export const MAX_BODY_BYTES = 64 * 1024;
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

export interface EmulatorHttpOptions {
  functions: Record<FunctionName, CloudFunction>;
  jwks: () => object;
  /** Emulator-only helpers at POST /dev/{name}, answered like functions. */
  devRoutes?: Record<string, CloudFunction>;
  /** The h5 build to serve at /, if built. */
  staticDir?: string;
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
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'method not allowed' });
  if (url.pathname === '/.well-known/jwks.json') return sendJson(response, 200, options.jwks());
  return serveStatic(url.pathname, response, options.staticDir);
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
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' });
  if (!Object.prototype.hasOwnProperty.call(handlers, name)) return sendJson(response, 404, { error: `no such ${prefix === 'fn' ? 'function' : 'route'}` });
  const started = process.hrtime.bigint();
  const body = await readBody(request);
  if (body === null) return sendJson(response, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
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

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function serveStatic(pathname: string, response: ServerResponse, staticDir: string | undefined): void {
  if (!staticDir || !existsSync(join(staticDir, 'index.html'))) {
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
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
    'Content-Type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    'Cache-Control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(target).pipe(response);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
