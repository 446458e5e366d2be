/**
 * `npm run verify -- <token> [options]`: checks a presentation token the way
 * a verifier without a network would — issuer signature against the JWKS,
 * validity window, scene — and says plainly what only the online check can
 * know. `--online` then asks a verifier endpoint as a registered terminal.
 *
 *   --jwks <url|file>    issuer keys (default http://127.0.0.1:8787/.well-known/jwks.json)
 *   --scene <scene>      the scene you are verifying for (hotel, internet_cafe, transport, age_check)
 *   --online             also verify online (one-time use, card status, released attributes)
 *   --endpoint <url>     verifier endpoint (default http://127.0.0.1:8787/fn/verifier)
 *   --data-dir <dir>     emulator data folder holding the SIMULATED demo terminal key (default .data)
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SCENE_NAMES, type Scene } from '../../core/scenes';
import { publicKeyring } from '../adapters/keys/issuer-keys';
import { withTerminalAssertion, type TerminalCredential } from '../clients/assertions';
import { checkPresentationOffline } from '../token/check-presentation';

export interface CliIo {
  out(line: string): void;
  fetchJson(url: string, init?: { method: 'POST'; body: string }): Promise<unknown>;
  now(): Date;
  terminal(dataDir: string): TerminalCredential;
}

const DEFAULT_BASE = 'http://127.0.0.1:8787';

async function loadJwks(source: string, io: CliIo): Promise<Map<string, KeyObject>> {
  const jwks = (existsSync(source) ? JSON.parse(readFileSync(source, 'utf8')) : await io.fetchJson(source)) as { keys?: Array<{ kid?: string }> };
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys ?? []) {
    if (typeof jwk.kid === 'string') keys.set(jwk.kid, createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }));
  }
  return keys;
}

/** Returns the process exit code: 0 when every check that ran passed. */
export async function runVerifyCli(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jwks: { type: 'string', default: `${DEFAULT_BASE}/.well-known/jwks.json` },
      scene: { type: 'string' },
      online: { type: 'boolean', default: false },
      endpoint: { type: 'string', default: `${DEFAULT_BASE}/fn/verifier` },
      'data-dir': { type: 'string', default: '.data' },
    },
  });
  const token = positionals[0];
  if (!token) {
    io.out('usage: npm run verify -- <token> [--scene hotel] [--jwks url|file] [--online] [--endpoint url]');
    return 2;
  }
  const scene = values.scene as Scene | undefined;
  if (scene && !SCENE_NAMES.includes(scene)) {
    io.out(`unknown scene "${scene}"; one of: ${SCENE_NAMES.join(', ')}`);
    return 2;
  }

  const keys = await loadJwks(values.jwks!, io);
  const offline = await checkPresentationOffline(token, { keys: publicKeyring(keys), now: io.now(), expectedScene: scene });
  if (!offline.ok) {
    io.out(`OFFLINE CHECK FAILED at "${offline.check}": ${offline.code}`);
    return 1;
  }
  const { issuedAt, expiresAt } = offline.decoded.claims;
  io.out(`offline checks passed: issuer signature (key ${offline.decoded.keyId}), validity ${new Date(issuedAt * 1000).toISOString()} – ${new Date(expiresAt * 1000).toISOString()}, scene ${offline.scene}`);
  if (!values.online) {
    io.out('NOT CHECKED offline: one-time use and card status (suspended or revoked). Run with --online before relying on it.');
    return 0;
  }

  const request = withTerminalAssertion(io.terminal(values['data-dir']!), io.now(), { action: 'verify', token, scene: scene ?? offline.scene });
  const result = (await io.fetchJson(values.endpoint!, {
    method: 'POST',
    body: JSON.stringify(request),
  })) as { ok: boolean; code?: string; attributes?: object };
  if (!result.ok) {
    io.out(`ONLINE CHECK FAILED: ${result.code}`);
    return 1;
  }
  io.out(`online check passed; released attributes: ${JSON.stringify(result.attributes)}`);
  return 0;
}
