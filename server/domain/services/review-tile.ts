/**
 * Use cases: an admin reviews tiles (approve or reject a pending version,
 * suspend or reinstate a tile) and lists them; a partner reads its own tiles'
 * states, rejection reasons included.
 */
import { EidError } from '../../../core/errors';
import type { TileStatusView } from '../../../core/services-api';
import type { TileStatus } from '../../../core/services';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import type { PartnerRecord, TileRecord } from '../services-store';
import { tileStatus, tileStatusView } from './tile-views';

async function views(tiles: TileRecord[], partnerOf: (id: string) => Promise<PartnerRecord | null>): Promise<TileStatusView[]> {
  const result: TileStatusView[] = [];
  for (const tile of tiles) {
    const partner = await partnerOf(tile.partnerId);
    if (partner) result.push(tileStatusView(tile, partner));
  }
  return result;
}

export async function listTilesForAdmin(services: ServicesDeps, status?: TileStatus): Promise<{ tiles: TileStatusView[] }> {
  const partners = new Map((await services.store.listPartners()).map((p) => [p.id, p]));
  const tiles = (await services.store.listTiles()).filter((tile) => status === undefined || tileStatus(tile) === status);
  return { tiles: await views(tiles, async (id) => partners.get(id) ?? null) };
}

export async function tileStatusForPartner(services: ServicesDeps, partner: PartnerRecord, tileId?: string): Promise<{ tiles: TileStatusView[] }> {
  const tiles = await services.store.listTiles({ partnerId: partner.id });
  const chosen = tileId === undefined ? tiles : tiles.filter((tile) => tile.id === tileId);
  if (tileId !== undefined && chosen.length === 0) throw new EidError('TILE_NOT_FOUND');
  return { tiles: await views(chosen, async () => partner) };
}

async function decide(deps: Pick<Deps, 'clock'>, services: ServicesDeps, tileId: string, version: number, status: 'approved' | 'rejected', reason: string | null) {
  const decided = await services.store.decideTileVersion(tileId, version, { status, reason, at: deps.clock.now() });
  if (!decided) throw new EidError((await services.store.getTile(tileId)) ? 'TILE_NOT_PENDING' : 'TILE_NOT_FOUND');
  return { tileId, version, status };
}

export const approveTile = (deps: Pick<Deps, 'clock'>, services: ServicesDeps, tileId: string, version: number) =>
  decide(deps, services, tileId, version, 'approved', null);

export const rejectTile = (deps: Pick<Deps, 'clock'>, services: ServicesDeps, tileId: string, version: number, reason: string) =>
  decide(deps, services, tileId, version, 'rejected', reason.trim());

export async function suspendTile(services: ServicesDeps, tileId: string, suspended: boolean) {
  if (!(await services.store.setTileSuspended(tileId, suspended))) throw new EidError('TILE_NOT_FOUND');
  return { tileId, suspended };
}
