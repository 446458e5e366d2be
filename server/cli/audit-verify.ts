/**
 * `npm run audit:verify -- [--data-dir .data] [--checkpoint]`: checks every
 * card's usage chain in the emulator's SQLite store (server/adapters/usage-chain.ts)
 * and names the first broken entry of each broken chain; then checks the
 * signed checkpoints published in `<data-dir>/audit/checkpoints.jsonl`: each
 * is signed by an issuer key of the JWKS, and every chain head it names is
 * still in its card's chain (a chain cut short after a checkpoint is caught
 * there, which the links alone cannot show). `--checkpoint` publishes a new
 * checkpoint of the current heads, signed with the current issuer key.
 */
import Database from 'better-sqlite3';
import { createHash, createPublicKey } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import type { IssuerKeys } from '../adapters/keys/issuer-keys';
import { toUsage, type UsageRow } from '../adapters/sqlite/sqlite-store';
import { firstBreaks, type ChainBreak, type ChainedUsage } from '../adapters/usage-chain';

type ChainedRow = UsageRow & { prev_hash: string | null; hash: string | null };

export interface AuditReport {
  usages: number;
  chained: number;
  breaks: ChainBreak[];
  checkpoints: number;
  /** Checkpoints whose signature fails or whose heads are gone from their chains, by line number. */
  badCheckpoints: Array<{ line: number; why: 'signature' | 'missing_head' }>;
  heads: Map<string, string>;
}

export const checkpointFile = (dataDir: string) => join(dataDir, 'audit', 'checkpoints.jsonl');

/** The root a checkpoint signs: SHA-256 over every card's chain head, sorted by card. */
function rootOf(heads: Map<string, string>): string {
  const lines = [...heads].sort(([a], [b]) => a.localeCompare(b)).map(([card, head]) => `${card}:${head}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export function auditStore(dataDir: string, issuer: IssuerKeys): AuditReport {
  const db = new Database(join(dataDir, 'eid.sqlite'), { readonly: true, fileMustExist: true });
  let rows: ChainedRow[];
  try {
    rows = db.prepare('SELECT * FROM usages ORDER BY card_id, id').all() as ChainedRow[];
  } finally {
    db.close();
  }
  const usages: ChainedUsage[] = rows.map((row) => ({ ...toUsage(row), prevHash: row.prev_hash, hash: row.hash }));
  const heads = new Map<string, string>();
  const hashesByCard = new Map<string, Set<string>>();
  for (const usage of usages) {
    if (usage.hash === null) continue;
    heads.set(usage.cardId, usage.hash);
    if (!hashesByCard.has(usage.cardId)) hashesByCard.set(usage.cardId, new Set());
    hashesByCard.get(usage.cardId)!.add(usage.hash);
  }

  const badCheckpoints: AuditReport['badCheckpoints'] = [];
  const file = checkpointFile(dataDir);
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const jwks = new Map(issuer.jwks().keys.map((key) => [key.kid, key]));
  lines.forEach((line, index) => {
    const { token } = JSON.parse(line) as { token: string };
    const kid = (jwt.decode(token, { complete: true })?.header.kid ?? '') as string;
    const key = jwks.get(kid);
    let claims: { heads: Record<string, string> } | null = null;
    try {
      claims = key ? (jwt.verify(token, createPublicKey({ key, format: 'jwk' }), { algorithms: ['ES256'] }) as { heads: Record<string, string> }) : null;
    } catch {
      claims = null;
    }
    if (!claims) return void badCheckpoints.push({ line: index + 1, why: 'signature' });
    const missing = Object.entries(claims.heads).some(([card, head]) => !hashesByCard.get(card)?.has(head));
    if (missing) badCheckpoints.push({ line: index + 1, why: 'missing_head' });
  });

  return { usages: usages.length, chained: usages.filter((u) => u.hash !== null).length, breaks: firstBreaks(usages), checkpoints: lines.length, badCheckpoints, heads };
}

/** Appends a checkpoint of the current chain heads, signed (ES256) by the current issuer key. */
export function publishCheckpoint(dataDir: string, issuer: IssuerKeys, heads: Map<string, string>, at: Date): string {
  const token = jwt.sign({ heads: Object.fromEntries(heads), root: rootOf(heads), iat: Math.floor(at.getTime() / 1000) }, issuer.current.privateKey, {
    algorithm: 'ES256',
    keyid: issuer.current.keyId,
  });
  const file = checkpointFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify({ at: at.toISOString(), token }) + '\n');
  return token;
}

/** Returns the exit code: 0 when every chain and checkpoint holds. */
export function runAuditVerify(argv: string[], io: { out(line: string): void; issuer(dataDir: string): IssuerKeys; now(): Date }): number {
  const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string', default: '.data' }, checkpoint: { type: 'boolean', default: false } } });
  const dataDir = values['data-dir'];
  if (!existsSync(join(dataDir, 'eid.sqlite'))) {
    io.out(`no store at ${join(dataDir, 'eid.sqlite')}: start the emulator once, or name its folder with --data-dir`);
    return 2;
  }
  const issuer = io.issuer(dataDir);
  const report = auditStore(dataDir, issuer);
  io.out(`${report.usages} usage records, ${report.chained} chained, across ${report.heads.size} cards; ${report.checkpoints} checkpoints`);
  for (const broken of report.breaks) {
    io.out(`BROKEN: usage ${broken.usageId} of card ${broken.cardId} (${broken.why === 'content' ? 'its content was changed' : 'the entry before it was removed, inserted or changed'})`);
  }
  for (const bad of report.badCheckpoints) {
    io.out(`BROKEN: checkpoint on line ${bad.line} (${bad.why === 'signature' ? 'its signature does not verify' : 'a chain head it names is gone'})`);
  }
  const ok = report.breaks.length === 0 && report.badCheckpoints.length === 0;
  if (ok) io.out('OK: every usage chain and checkpoint holds');
  if (ok && values.checkpoint) {
    publishCheckpoint(dataDir, issuer, report.heads, io.now());
    io.out(`published a checkpoint of ${report.heads.size} chain heads to ${checkpointFile(dataDir)}`);
  }
  return ok ? 0 : 1;
}
