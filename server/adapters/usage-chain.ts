/**
 * Tamper-evident usage records (journey 6): each usage is linked to the
 * previous usage of the same card by SHA-256, so changing, removing or
 * inserting an entry breaks every later link of that card's chain. Both
 * stores write the chain as they record a usage, in the same atomic step;
 * `npm run audit:verify` walks it (server/cli/audit-verify.ts).
 *
 * Revocation redacts a card's usages (issue 8: records of past use stay
 * readable to nobody but as counts): the details go, the links stay. So a
 * v2 entry's hash covers its content only through `contentDigest`, a digest
 * salted with a random nonce that goes with the details: without it the
 * digest cannot be tested against guesses (terminals, organisations and
 * times are few enough to try them all). This file is the one place that
 * defines both formulas; the stores and the audit only call it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ChainedUsage, UsageRecord } from '../domain/store';

/** The previous hash of a card's first chained usage. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a redacted usage holds in place of its details (the columns are NOT NULL): nothing of the original. */
export const REDACTED_DETAILS = { terminalId: '', organisation: '', scene: '', attributes: [] } as const;

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * v1, the entries written before redaction existed: the hash over the content
 * itself and the previous hash, in a fixed order (JSON of an array, so no
 * field can shift into another). Kept only to verify them.
 */
export function usageHashV1(usage: Omit<UsageRecord, 'id'>, prevHash: string): string {
  return sha256([usage.cardId, usage.at.getTime(), usage.terminalId, usage.organisation, usage.scene, [...usage.attributes], prevHash]);
}

/** v2: the salted digest of a usage's details, which stays when they are redacted. `nonce` is base64url. */
export function usageContentDigest(usage: Omit<UsageRecord, 'id' | 'cardId'>, nonce: string): string {
  return sha256([nonce, usage.at.getTime(), usage.terminalId, usage.organisation, usage.scene, [...usage.attributes]]);
}

/** v2: the link, over the card, the content digest and the previous hash. */
export function usageHashV2(cardId: string, contentDigest: string, prevHash: string): string {
  return sha256(['v2', cardId, contentDigest, prevHash]);
}

/** The chain fields of a new usage after `prevHash`: a fresh 16-byte nonce, its content digest and its hash. */
export function chainUsage(usage: Omit<UsageRecord, 'id'>, prevHash: string): { nonce: string; contentDigest: string; hash: string } {
  const nonce = randomBytes(16).toString('base64url');
  const contentDigest = usageContentDigest(usage, nonce);
  return { nonce, contentDigest, hash: usageHashV2(usage.cardId, contentDigest, prevHash) };
}

/** Whether a usage holds nothing of its details (its time aside, which redaction sets to the revocation's). */
const holdsNoDetails = (usage: ChainedUsage) =>
  usage.nonce === null &&
  usage.terminalId === REDACTED_DETAILS.terminalId &&
  usage.organisation === REDACTED_DETAILS.organisation &&
  usage.scene === (REDACTED_DETAILS.scene as string) &&
  usage.attributes.length === 0;

/**
 * Whether the entry's own hash holds, given that it links to `prevHash`:
 * - v2 (a content digest): the hash is over the digest, and, unless
 *   redacted, the digest is the content's under its nonce;
 * - v1 unredacted: the hash is over the content;
 * - v1 redacted (an old entry of a card revoked since): nothing is left to
 *   hash, so only its link is checked and its hash taken as stored (the next
 *   entry's link, or the card's head, still covers it).
 * A redacted entry that still holds details is not what redaction leaves, so
 * the flag cannot hide edited content.
 */
function contentHolds(usage: ChainedUsage, prevHash: string): boolean {
  if (usage.redacted && !holdsNoDetails(usage)) return false;
  if (usage.contentDigest !== null) {
    if (!usage.redacted && (usage.nonce === null || usageContentDigest(usage, usage.nonce) !== usage.contentDigest)) return false;
    return usageHashV2(usage.cardId, usage.contentDigest, prevHash) === usage.hash;
  }
  return usage.redacted || usageHashV1(usage, prevHash) === usage.hash;
}

/**
 * `content`: the entry's hash is not its content's; `link`: its previous hash
 * is not the hash of the card's entry before it (one removed, inserted or
 * moved), or it has none though an earlier entry of its card is chained;
 * `tail`: the card's chain head names an entry that is gone (the newest
 * removed), and `usageId` is the last entry left (0 for none); `redacted`:
 * the entry's details are erased though its card is not revoked (revocation
 * alone erases them, so this hides what the entry said).
 */
export type ChainBreak = { usageId: number; cardId: string; why: 'content' | 'link' | 'tail' | 'redacted' };

/**
 * The first broken entry of every card's chain, by card then id, and every
 * chain that does not end at its card's head (when `heads` are given), and
 * every redacted entry of a card not among `revoked` (when given). `usages` must be ordered by
 * card, then id. Unchained entries recorded before the chain existed (before
 * any chained entry of their card) are skipped.
 */
export function firstBreaks(usages: Iterable<ChainedUsage>, heads?: ReadonlyMap<string, string>, revoked?: ReadonlySet<string>): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  const ends = new Map<string, { usageId: number; hash: string }>();
  let card: string | null = null;
  let previous = GENESIS_HASH;
  let broken = false;
  // Entries are v1 until the first v2 one, never again after it: a digest cleared later would otherwise pass as an old entry.
  let v2 = false;
  for (const usage of usages) {
    if (usage.cardId !== card) {
      card = usage.cardId;
      previous = GENESIS_HASH;
      broken = false;
      v2 = false;
    }
    ends.set(usage.cardId, { usageId: usage.id, hash: usage.hash ?? previous });
    if (broken || (usage.hash === null && previous === GENESIS_HASH)) continue;
    const why =
      usage.hash === null || usage.prevHash !== previous
        ? 'link'
        : !contentHolds(usage, previous) || (v2 && usage.contentDigest === null)
          ? 'content'
          : usage.redacted && revoked && !revoked.has(usage.cardId)
            ? 'redacted'
            : null;
    if (why) {
      breaks.push({ usageId: usage.id, cardId: usage.cardId, why });
      broken = true;
      continue;
    }
    previous = usage.hash!;
    v2 ||= usage.contentDigest !== null;
  }
  if (!heads) return breaks;
  const chainedCards = [...ends].filter(([, end]) => end.hash !== GENESIS_HASH).map(([cardId]) => cardId);
  for (const cardId of new Set([...heads.keys(), ...chainedCards])) {
    const end = ends.get(cardId);
    if (end?.hash !== heads.get(cardId) && !breaks.some((b) => b.cardId === cardId)) breaks.push({ usageId: end?.usageId ?? 0, cardId, why: 'tail' });
  }
  return breaks;
}
