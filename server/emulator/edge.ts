/**
 * The emulator's edge: who may call /fn and /dev, and the headers every
 * answer carries. The emulator binds to 127.0.0.1, but a web page in the same
 * browser is not a local process: without these checks any site could POST
 * to it (a CORS "simple request" needs no permission), and a DNS name that
 * rebinds to 127.0.0.1 could even read the answers.
 * - Host must be a localhost name on the port the emulator is bound to
 *   (stops DNS rebinding: the attacker's name would be in Host);
 * - Origin, when a browser sends one, must be the emulator's own origin;
 * - a call must say Content-Type: application/json, which no cross-origin
 *   page can send without a preflight, and the preflight grants nothing.
 * Tools that send no Origin (curl, tests, terminals, the CLI) still work.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/;

export interface EdgeRefusal {
  status: 403 | 415;
  error: string;
}

/** Why a call to /fn or /dev is refused at the edge, or null to let it through. */
export function refusalAtEdge(request: IncomingMessage): EdgeRefusal | null {
  const host = (request.headers.host ?? '').toLowerCase();
  const local = LOCAL_HOST.exec(host);
  const port = local && (local[2] === undefined ? 80 : Number(local[2]));
  if (!local || port !== request.socket.localPort) return { status: 403, error: 'Host is not this emulator' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return { status: 403, error: 'cross-origin calls are not allowed' };
  if (request.method === 'POST' && !isJson(request.headers['content-type'])) return { status: 415, error: 'send Content-Type: application/json' };
  return null;
}

const isJson = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';

/** On every answer: no MIME sniffing, no referrer, no framing. */
const COMMON_HEADERS: OutgoingHttpHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * Every answer that is not the app (functions, dev routes, the JWKS, refusals):
 * they can hold personal data (the demo terminal's route returns full names),
 * so never cached and never rendered as a document.
 */
export const FUNCTION_ANSWER_HEADERS: OutgoingHttpHeaders = {
  ...COMMON_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * The h5 app's headers. Scripts: only the app's own files and the inline
 * scripts of its index.html (Taro puts its rem sizing there), by hash, so an
 * injected script cannot run. Styles need 'unsafe-inline': Taro's h5 runtime
 * (router, navigation bar, its Stencil components) adds <style> elements at
 * run time, with no nonce. Data and blob images cover the QR code and Taro's
 * WebP probe.
 */
export function appHeaders(indexHtml: string): OutgoingHttpHeaders {
  const scriptHashes = inlineScripts(indexHtml).map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  const policy = [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { ...COMMON_HEADERS, 'Content-Security-Policy': policy };
}

/** The text of every <script> without a src. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes)).map(([, , code]) => code);
}
