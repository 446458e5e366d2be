/** Use cases: the citizen's "My authorisations" page — every grant, each revocable; a revoked grant fails every later exchange. */
import { EidError } from '../../../core/errors';
import type { GrantView } from '../../../core/services-api';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import { heldCardOf } from './citizen-card';
import { grantView } from './tile-views';

export async function listGrants(deps: Pick<Deps, 'store' | 'clock'>, services: ServicesDeps, holder: string): Promise<{ grants: GrantView[] }> {
  const held = await heldCardOf(deps, holder);
  const now = deps.clock.now();
  const grants: GrantView[] = [];
  for (const grant of await services.store.listGrants(held.card.id)) {
    const tile = await services.store.getTile(grant.tileId);
    grants.push(grantView(grant, tile, await services.store.getPartner(grant.partnerId), now));
  }
  return { grants };
}

export async function revokeGrant(deps: Pick<Deps, 'store' | 'clock'>, services: ServicesDeps, holder: string, grantId: string): Promise<{ grantId: string }> {
  const held = await heldCardOf(deps, holder);
  // Another card's grant is as unknown as no grant: the answer tells nobody whose it is.
  if (!(await services.store.revokeGrant(grantId, held.card.id, deps.clock.now()))) throw new EidError('GRANT_NOT_FOUND');
  return { grantId };
}
