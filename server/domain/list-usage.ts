/** Use case: the holder's record of every verification of their card, newest first, paged. */
import type { UsageView } from '../../core/api';
import { EidError } from '../../core/errors';
import type { ListUsageEvent } from '../../core/schemas';
import type { Deps } from './deps';

export const DEFAULT_PAGE_SIZE = 20;

export async function listUsage(
  deps: Deps,
  holder: string,
  { before, limit = DEFAULT_PAGE_SIZE }: Omit<ListUsageEvent, 'action'>,
): Promise<{ records: UsageView[]; nextBefore: number | null }> {
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  // One extra row says whether another page exists, without a count query.
  const rows = await deps.store.listUsages(held.card.id, { before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    records: page.map((u) => ({ id: u.id, at: u.at.toISOString(), organisation: u.organisation, scene: u.scene, attributes: u.attributes })),
    nextBefore: rows.length > limit ? page[page.length - 1].id : null,
  };
}
