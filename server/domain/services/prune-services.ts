/**
 * Use case: delete what guards nothing any more. A spent assertion id guards
 * until its assertion expires (the assertion check refuses it after that);
 * an authorisation code guards until it expires (the exchange refuses it as
 * expired before reading its row). Both get the clock tolerance on top.
 * Grants, tiles, partners and exchanges are records and are never pruned.
 */
import { CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import type { ServicesPruneCounts } from '../services-store';

export function pruneServices(deps: Pick<Deps, 'clock'>, services: ServicesDeps): Promise<ServicesPruneCounts> {
  const before = new Date(deps.clock.now().getTime() - CLOCK_TOLERANCE_SECONDS * 1000);
  return services.store.prune({ assertionsBefore: before, codesBefore: before });
}
