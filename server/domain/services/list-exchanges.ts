/** Use case: every exchange of the citizen's codes by partners (who received what, when), newest first, paged like the usage records. */
import { USAGE_PAGE_SIZE } from '../../../core/policy';
import type { ExchangeView } from '../../../core/services-api';
import type { ListExchangesEvent } from '../../../core/services-schemas';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import { heldCardOf } from './citizen-card';

export async function listExchanges(
  deps: Pick<Deps, 'store'>,
  services: ServicesDeps,
  holder: string,
  { before, limit = USAGE_PAGE_SIZE }: Omit<ListExchangesEvent, 'action'>,
): Promise<{ exchanges: ExchangeView[]; nextBefore: number | null }> {
  const held = await heldCardOf(deps, holder);
  // One extra row says whether another page exists.
  const rows = await services.store.listExchanges(held.card.id, { before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    exchanges: page.map((e) => ({ id: e.id, at: e.at.toISOString(), partnerName: e.partnerName, tileTitle: e.tileTitle, scopes: e.scopes })),
    nextBefore: rows.length > limit ? page[page.length - 1].id : null,
  };
}
