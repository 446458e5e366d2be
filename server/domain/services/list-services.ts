/**
 * Use case: the services page. Approved tiles of active partners for the
 * card's home region (from its ID number) or for a region the citizen picked,
 * in category order; a tile that needs a higher card level is listed as
 * unavailable, so the citizen learns it exists and how to reach it.
 */
import { EidError } from '../../../core/errors';
import type { RegionView, ServicesView } from '../../../core/services-api';
import { homeRegionOf, isRegionCode, regionLabel, regionOfCode, tileServes, type ServiceRegion } from '../../../core/service-regions';
import { TILE_CATEGORY_NAMES } from '../../../core/services';
import type { ListServicesEvent } from '../../../core/services-schemas';
import type { Deps } from '../deps';
import { openIdentity } from '../sealed-identity';
import type { ServicesDeps } from '../services-deps';
import { heldCardOf } from './citizen-card';
import { tileView } from './tile-views';

const regionView = (region: ServiceRegion | null): RegionView | null => {
  if (!region) return null;
  const code = region.city ?? region.province;
  return { code, label: regionLabel(code) };
};

export async function listServices(
  deps: Pick<Deps, 'store' | 'pii'>,
  services: ServicesDeps,
  holder: string,
  { region }: Omit<ListServicesEvent, 'action'>,
): Promise<ServicesView> {
  if (region !== undefined && !isRegionCode(region)) throw new EidError('INVALID_INPUT', { reason: 'schema', details: { field: 'region' } });
  const held = await heldCardOf(deps, holder);
  const home = homeRegionOf(openIdentity(held.identity, deps.pii).idNumber);
  const shown = region === undefined ? home : regionOfCode(region);
  const tiles = (await services.store.listServingTiles())
    .filter(({ manifest }) => tileServes(manifest.regions, shown))
    .map(({ tile, manifest, partner }) => tileView(tile, manifest, partner, held.card.level))
    .sort(
      (a, b) =>
        TILE_CATEGORY_NAMES.indexOf(a.category) - TILE_CATEGORY_NAMES.indexOf(b.category) || a.title.zh.localeCompare(b.title.zh, 'zh') || a.tileId.localeCompare(b.tileId),
    );
  return { homeRegion: regionView(home), region: regionView(shown), tiles };
}
