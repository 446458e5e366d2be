/**
 * Use case: what the consent screen shows before the first use of a tile —
 * the partner and its credit code, each scope (required, optional, which need
 * their own tick), the purpose and how long a grant lasts — and whether a
 * grant the citizen already gave covers the tile, so no screen is needed.
 */
import { EidError } from '../../../core/errors';
import { GRANT_VALIDITY_DAYS } from '../../../core/policy';
import type { ConsentView } from '../../../core/services-api';
import { ALWAYS_GRANTED_SCOPES, isSensitiveScope } from '../../../core/services';
import type { TileManifest } from '../../../core/tile-manifest';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import type { GrantRecord, PartnerRecord, TileRecord } from '../services-store';
import { heldCardOf } from './citizen-card';
import { assertTileServes, grantStatus, grantView, tileView } from './tile-views';

export interface UsableTile {
  tile: TileRecord;
  partner: PartnerRecord;
  manifest: TileManifest;
}

/** A tile a citizen may use now, or the code that says why not. */
export async function usableTile(services: ServicesDeps, tileId: string): Promise<UsableTile> {
  const tile = await services.store.getTile(tileId);
  const partner = tile && (await services.store.getPartner(tile.partnerId));
  if (!tile || !partner) throw new EidError('TILE_NOT_FOUND');
  return { tile, partner, manifest: assertTileServes(tile, partner) };
}

/** The card's active grant to this tile that holds every scope the tile now requires, if any. */
export function coveringGrant(grants: GrantRecord[], tileId: string, manifest: TileManifest, now: Date): GrantRecord | null {
  return (
    grants.find(
      (grant) => grant.tileId === tileId && grantStatus(grant, now) === 'active' && manifest.scopes.required.every((scope) => grant.scopes.includes(scope)),
    ) ?? null
  );
}

export async function getTileConsent(deps: Pick<Deps, 'store' | 'clock'>, services: ServicesDeps, holder: string, tileId: string): Promise<ConsentView> {
  const held = await heldCardOf(deps, holder);
  const { tile, partner, manifest } = await usableTile(services, tileId);
  const now = deps.clock.now();
  const grant = coveringGrant(await services.store.listGrants(held.card.id), tileId, manifest, now);
  const { required, optional } = manifest.scopes;
  return {
    tile: tileView(tile, manifest, partner, held.card.level),
    partner: { name: partner.name, creditCode: partner.creditCode },
    purpose: manifest.purpose,
    always: [...ALWAYS_GRANTED_SCOPES],
    required,
    optional,
    sensitive: [...required, ...optional].filter(isSensitiveScope),
    grantDays: GRANT_VALIDITY_DAYS,
    grant: grant && grantView(grant, tile, partner, now),
  };
}
