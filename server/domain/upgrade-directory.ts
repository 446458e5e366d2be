/**
 * Use cases of the upgrade terminal directory (journey 4): an administrator
 * puts an entry (adds, changes or takes it out of service); a citizen lists
 * them, of one city or all, each saying whether it is open now by the
 * injected clock.
 */
import { isWithinHours, type UpgradeSiteView } from '../../core/upgrade-directory';
import type { ListUpgradeSitesEvent, PutUpgradeSiteEvent } from '../../core/schemas';
import type { Deps } from './deps';

export async function putUpgradeSite(deps: Deps, { id, city, name, address, hours, status }: Omit<PutUpgradeSiteEvent, 'action' | 'assertion'>) {
  const days = [...new Set(hours.days)].sort();
  await deps.store.putUpgradeSite({ id, city, name: name.trim(), address: address.trim(), hours: { ...hours, days }, status, updatedAt: deps.clock.now() });
  return { id };
}

export async function listUpgradeSites(deps: Deps, { city }: Omit<ListUpgradeSitesEvent, 'action'>): Promise<{ sites: UpgradeSiteView[] }> {
  const now = deps.clock.now();
  const sites = await deps.store.listUpgradeSites(city);
  return {
    sites: sites.map(({ updatedAt: _updatedAt, ...site }) => ({ ...site, openNow: site.status === 'open' && isWithinHours(site.hours, now) })),
  };
}
