/**
 * Checking and publishing the tamper-evident usage records (journey 6), over
 * the Store port, so the emulator's SQLite and the deployed CloudBase are
 * audited alike.
 *
 * The links of each card's hash chain (usage-chain.ts) show an entry
 * changed, removed or inserted, but not the newest entries cut off. A
 * checkpoint catches that: it records every card's chain head, and an ES256
 * JWT by the issuer's current key signs the root over those heads
 * (SHA-256 of the sorted `card:head` lines) and how many there are. Only the
 * token is published (GET /audit/checkpoints), so publishing names no card;
 * the heads stay in the store. Whoever keeps the published tokens can later
 * hand them to `npm run audit:verify -- --published`, which then also
 * catches a checkpoint removed from the store. Each checkpoint also signs the
 * hash of the one before it, so one removed from the middle shows without a copy.
 */
import { createHash, createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { AuditCheckpointRecord, Store } from '../../domain/store';
import type { IssuerSigningKey, PublicJwk } from '../keys/issuer-keys';
import { GENESIS_HASH, firstBreaks, type ChainBreak } from '../usage-chain';

/** What a checkpoint's token signs; `prev` chains the checkpoints as the usages are chained. */
interface CheckpointClaims {
  root: string;
  cards: number;
  prev: string;
  iat: number;
}

/** The SHA-256 of a checkpoint's token, which the next checkpoint signs as `prev` (GENESIS_HASH for the first). */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A published checkpoint: no card id, no head, only the signed root. */
export interface PublishedCheckpoint {
  at: string;
  token: string;
}

export type CheckpointFault = 'signature' | 'root' | 'order' | 'missing_head' | 'withdrawn';

export interface AuditReport {
  usages: number;
  chained: number;
  /** Usages of revoked cards: checked as counts and links, their details gone. */
  redacted: number;
  cards: number;
  breaks: ChainBreak[];
  checkpoints: number;
  /** Checkpoints signed by a key that has left the JWKS: their heads are still checked, their signatures cannot be. */
  retiredKeyCheckpoints: number;
  /** By position, oldest first (1-based); `withdrawn` counts the published copies given. */
  badCheckpoints: Array<{ checkpoint: number; why: CheckpointFault }>;
}

export function checkpointRoot(heads: ReadonlyMap<string, string>): string {
  const lines = [...heads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([card, head]) => `${card}:${head}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Signs a checkpoint of the store's current chain heads and keeps it there. */
export async function publishCheckpoint(store: Store, issuer: IssuerSigningKey, at: Date): Promise<AuditCheckpointRecord> {
  const heads = await store.usageChainHeads();
  const previous = (await store.listAuditCheckpoints()).at(-1);
  const prev = previous ? tokenHash(previous.token) : GENESIS_HASH;
  const claims: CheckpointClaims = { root: checkpointRoot(heads), cards: heads.size, prev, iat: Math.floor(at.getTime() / 1000) };
  const token = jwt.sign(claims, issuer.privateKey, { algorithm: 'ES256', keyid: issuer.keyId, noTimestamp: true });
  const checkpoint = { at, token, heads: Object.fromEntries(heads) };
  await store.addAuditCheckpoint(checkpoint);
  return checkpoint;
}

/**
 * The timers' checkpoint (the emulator's, the deployed admin function's):
 * one only when some chain moved on since the newest, so an idle store does
 * not fill with copies. Answers how many chain heads it signed (0: none kept).
 */
export async function checkpointIfMoved(store: Store, issuer: IssuerSigningKey, at: Date): Promise<{ checkpointCards: number }> {
  const checkpoints = await store.listAuditCheckpoints();
  const newest = checkpoints[checkpoints.length - 1];
  const heads = await store.usageChainHeads();
  if (heads.size === 0 || (newest && checkpointRoot(new Map(Object.entries(newest.heads))) === checkpointRoot(heads))) return { checkpointCards: 0 };
  return { checkpointCards: Object.keys((await publishCheckpoint(store, issuer, at)).heads).length };
}

export async function publishedCheckpoints(store: Store): Promise<PublishedCheckpoint[]> {
  return (await store.listAuditCheckpoints()).map(({ at, token }) => ({ at: at.toISOString(), token }));
}

/**
 * Walks every chain and checks every stored checkpoint: its signature (by a
 * key of `jwks`), its root against the heads kept with it, and that each of
 * those heads is still in its card's chain. Each `published` copy must still
 * be in the store.
 */
export async function auditStore(store: Store, jwks: { keys: PublicJwk[] }, published: PublishedCheckpoint[] = []): Promise<AuditReport> {
  const hashesByCard = new Map<string, Set<string>>();
  const walked = [];
  for await (const usage of store.chainedUsages()) {
    walked.push(usage);
    if (usage.hash === null) continue;
    if (!hashesByCard.has(usage.cardId)) hashesByCard.set(usage.cardId, new Set());
    hashesByCard.get(usage.cardId)!.add(usage.hash);
  }

  const keys = new Map(jwks.keys.map((key) => [key.kid, createPublicKey({ key, format: 'jwk' })]));
  const checkpoints = await store.listAuditCheckpoints();
  const badCheckpoints: AuditReport['badCheckpoints'] = [];
  let retiredKeyCheckpoints = 0;
  checkpoints.forEach((checkpoint, index) => {
    const prev = index === 0 ? GENESIS_HASH : tokenHash(checkpoints[index - 1]!.token);
    const fault = checkpointFault(checkpoint, prev, keys, hashesByCard);
    if (fault === 'retired_key') retiredKeyCheckpoints++;
    else if (fault) badCheckpoints.push({ checkpoint: index + 1, why: fault });
  });
  const stored = new Set(checkpoints.map((checkpoint) => checkpoint.token));
  published.forEach((copy, index) => {
    if (!stored.has(copy.token)) badCheckpoints.push({ checkpoint: index + 1, why: 'withdrawn' });
  });

  return {
    usages: walked.length,
    chained: walked.filter((usage) => usage.hash !== null).length,
    redacted: walked.filter((usage) => usage.redacted).length,
    cards: hashesByCard.size,
    breaks: firstBreaks(walked, await store.usageChainHeads(), await store.revokedCardIds()),
    checkpoints: checkpoints.length,
    retiredKeyCheckpoints,
    badCheckpoints,
  };
}

function checkpointFault(
  checkpoint: AuditCheckpointRecord,
  prev: string,
  keys: ReadonlyMap<string, ReturnType<typeof createPublicKey>>,
  hashesByCard: ReadonlyMap<string, ReadonlySet<string>>,
): Exclude<CheckpointFault, 'withdrawn'> | 'retired_key' | null {
  const heads = new Map(Object.entries(checkpoint.heads));
  const kid = jwt.decode(checkpoint.token, { complete: true })?.header.kid;
  const key = kid === undefined ? undefined : keys.get(kid);
  let claims: CheckpointClaims;
  if (key) {
    try {
      claims = jwt.verify(checkpoint.token, key, { algorithms: ['ES256'] }) as CheckpointClaims;
    } catch {
      return 'signature';
    }
  } else {
    const decoded = jwt.decode(checkpoint.token) as CheckpointClaims | null;
    if (!decoded) return 'signature';
    claims = decoded;
  }
  if (claims.root !== checkpointRoot(heads) || claims.cards !== heads.size) return 'root';
  if (claims.prev !== prev) return 'order';
  if ([...heads].some(([card, head]) => !hashesByCard.get(card)?.has(head))) return 'missing_head';
  return key ? null : 'retired_key';
}
