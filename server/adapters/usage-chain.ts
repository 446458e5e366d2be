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

export type ChainBreak = { usageId: number; cardId: string; why: 'content' | 'link' };

/**
 * The first broken entry of every card's chain, by card then id: `content`
 * when an entry's hash is not its content's, `link` when its previous hash is
 * not the hash of the card's entry before it (one removed, inserted or moved).
 * `usages` must be ordered by card, then id. Unchained (older) entries are skipped.
 */
export function firstBreaks(usages: Iterable<ChainedUsage>): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let card: string | null = null;
  let previous = GENESIS_HASH;
  let broken = false;
  for (const usage of usages) {
    if (usage.cardId !== card) {
      card = usage.cardId;
      previous = GENESIS_HASH;
      broken = false;
    }
    if (usage.hash === null || broken) continue;
    const why = usage.prevHash !== previous ? 'link' : usageHash(usage, previous) !== usage.hash ? 'content' : null;
    if (why) {
      breaks.push({ usageId: usage.id, cardId: usage.cardId, why });
      broken = true;
      continue;
    }
    previous = usage.hash;
  }
  return breaks;
}
