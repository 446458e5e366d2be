/**
 * Tamper-evident usage records (journey 6): each usage carries the SHA-256 of
 * its own content and of the previous usage of the same card, so changing,
 * removing or inserting an entry breaks every later link of that card's
 * chain. Both stores write the chain as they record a usage, in the same
 * atomic step; `npm run audit:verify` walks it (server/cli/audit-verify.ts).
 */
import { createHash } from 'node:crypto';
import type { ChainedUsage, UsageRecord } from '../domain/store';

/** The previous hash of a card's first chained usage. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of one usage: its content and the previous hash, in a fixed order (JSON of an array, so no field can shift into another). */
export function usageHash(usage: Omit<UsageRecord, 'id'>, prevHash: string): string {
  const content = [usage.cardId, usage.at.getTime(), usage.terminalId, usage.organisation, usage.scene, [...usage.attributes], prevHash];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * `content`: the entry's hash is not its content's; `link`: its previous hash
 * is not the hash of the card's entry before it (one removed, inserted or
 * moved), or it has none though an earlier entry of its card is chained;
 * `tail`: the card's chain head names an entry that is gone (the newest
 * removed), and `usageId` is the last entry left (0 for none).
 */
export type ChainBreak = { usageId: number; cardId: string; why: 'content' | 'link' | 'tail' };

/**
 * The first broken entry of every card's chain, by card then id, and every
 * chain that does not end at its card's head (when `heads` are given). `usages` must be ordered by
 * card, then id. Unchained entries recorded before the chain existed (before
 * any chained entry of their card) are skipped.
 */
export function firstBreaks(usages: Iterable<ChainedUsage>, heads?: ReadonlyMap<string, string>): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  const ends = new Map<string, { usageId: number; hash: string }>();
  let card: string | null = null;
  let previous = GENESIS_HASH;
  let broken = false;
  for (const usage of usages) {
    if (usage.cardId !== card) {
      card = usage.cardId;
      previous = GENESIS_HASH;
      broken = false;
    }
    ends.set(usage.cardId, { usageId: usage.id, hash: usage.hash ?? previous });
    if (broken || (usage.hash === null && previous === GENESIS_HASH)) continue;
    const why = usage.hash === null || usage.prevHash !== previous ? 'link' : usageHash(usage, previous) !== usage.hash ? 'content' : null;
    if (why) {
      breaks.push({ usageId: usage.id, cardId: usage.cardId, why });
      broken = true;
      continue;
    }
    previous = usage.hash!;
  }
  if (!heads) return breaks;
  const chainedCards = [...ends].filter(([, end]) => end.hash !== GENESIS_HASH).map(([cardId]) => cardId);
  for (const cardId of new Set([...heads.keys(), ...chainedCards])) {
    const end = ends.get(cardId);
    if (end?.hash !== heads.get(cardId) && !breaks.some((b) => b.cardId === cardId)) breaks.push({ usageId: end?.usageId ?? 0, cardId, why: 'tail' });
  }
  return breaks;
}
