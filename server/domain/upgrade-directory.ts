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

/**
 * Whether `city` (GB/T 2260, as a terminal is registered) is a supported city
 * of the colour upgrade (DESIGN.md journey 4): one with an open site in the
 * directory. A terminal elsewhere, or in a city whose sites all closed, cannot upgrade.
 */
export async function upgradesServedIn(deps: Deps, city: string): Promise<boolean> {
  return (await deps.store.listUpgradeSites(city)).some((site) => site.status === 'open');
}
