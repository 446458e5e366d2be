/** Use case: every use of the holder's card, newest first, paged. */
import type { UsageView } from '../../core/api';
import { EidError } from '../../core/errors';
import { USAGE_PAGE_SIZE } from '../../core/policy';
import type { ListUsageEvent } from '../../core/schemas';
import type { Deps } from './deps';

export async function listUsage(
  deps: Deps,
  holder: string,
  { before, limit = USAGE_PAGE_SIZE }: Omit<ListUsageEvent, 'action'>,
): Promise<{ usages: UsageView[]; nextBefore: number | null }> {
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  // One extra row says whether another page exists, without a count query.
  const rows = await deps.store.listUsages(held.card.id, { before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    usages: page.map((u) => ({ id: u.id, at: u.at.toISOString(), organisation: u.organisation, scene: u.scene, attributes: u.attributes })),
    nextBefore: rows.length > limit ? page[page.length - 1].id : null,
  };
}
