/**
 * Use case: a partner submits a tile manifest, new or as the next version of
 * one of its tiles. The schema (core/tile-manifest) has checked its shape;
 * here it must fit the partner's registration: allowed scopes, registered
 * domains and appIds. A new tile waits for review; an update that widens the
 * scopes or changes the target waits too while the approved version keeps
 * serving; any other update serves at once.
 */
import { levelSatisfies } from '../../../core/card';
import { EidError } from '../../../core/errors';
import { NATIONWIDE } from '../../../core/service-regions';
import type { SubmittedTileView } from '../../../core/services-api';
import type { SubmitTileEvent } from '../../../core/services-schemas';
import { hostOfTargetUrl, type TileManifest } from '../../../core/tile-manifest';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import type { PartnerRecord } from '../services-store';
import { isLoopbackHost } from './partners';
import { latestVersion, servingManifest } from './tile-views';

/** Concurrent submissions for one tile: each retry re-reads the latest version. */
const SUBMIT_ATTEMPTS = 3;

export async function submitTile(
  deps: Pick<Deps, 'clock' | 'random'>,
  services: ServicesDeps,
  partner: PartnerRecord,
  { tileId, manifest }: Pick<SubmitTileEvent, 'tileId' | 'manifest'>,
): Promise<SubmittedTileView> {
  assertFitsPartner(manifest, partner, services.allowLoopbackTargets);
  const now = deps.clock.now();
  if (tileId === undefined) {
    const id = `tl_${deps.random.token(12)}`;
    await services.store.insertTile({
      id,
      partnerId: partner.id,
      suspended: false,
      servingVersion: null,
      createdAt: now,
      versions: [{ version: 1, manifest, status: 'pending', reason: null, submittedAt: now, decidedAt: null }],
    });
    return { tileId: id, version: 1, status: 'pending' };
  }
  for (let attempt = 0; attempt < SUBMIT_ATTEMPTS; attempt++) {
    const tile = await services.store.getTile(tileId);
    // Another partner's tile is as unknown as a tile that does not exist.
    if (!tile || tile.partnerId !== partner.id) throw new EidError('TILE_NOT_FOUND');
    const serving = servingManifest(tile);
    const servesAtOnce = serving !== null && !needsReview(serving, manifest);
    const latest = latestVersion(tile).version;
    const version = latest + 1;
    const added = await services.store.addTileVersion(
      tileId,
      { version, manifest, status: servesAtOnce ? 'approved' : 'pending', reason: null, submittedAt: now, decidedAt: servesAtOnce ? now : null },
      latest,
      servesAtOnce,
    );
    if (added) return { tileId, version, status: servesAtOnce ? 'approved' : 'pending' };
  }
  throw new EidError('INTERNAL');
}

/**
 * Whether an update must be reviewed before it serves. Only what cannot
 * mislead a citizen or reach more of them goes live at once: fewer scopes, a
 * higher minimum level, fewer regions, another icon or category. Anything
 * else is reviewed: a scope the approved version did not ask for (or an
 * optional one made required), a moved target, a lower minimum level, a
 * region it did not serve, and any change to the words a citizen reads
 * before consenting (title, description, purpose).
 */
export function needsReview(approved: TileManifest, update: TileManifest): boolean {
  const approvedAll = new Set([...approved.scopes.required, ...approved.scopes.optional]);
  const widensScopes =
    [...update.scopes.required, ...update.scopes.optional].some((scope) => !approvedAll.has(scope)) ||
    update.scopes.required.some((scope) => !approved.scopes.required.includes(scope));
  const lowersLevel = !levelSatisfies(update.minLevel, approved.minLevel);
  const widensRegions = !approved.regions.includes(NATIONWIDE) && update.regions.some((region) => !approved.regions.includes(region));
  const rewords = (['title', 'description', 'purpose'] as const).some((field) => JSON.stringify(approved[field]) !== JSON.stringify(update[field]));
  return widensScopes || targetKey(approved) !== targetKey(update) || lowersLevel || widensRegions || rewords;
}

const targetKey = ({ target }: TileManifest) => (target.type === 'web' ? `web ${target.url}` : `mp ${target.appId} ${target.path}`);

function assertFitsPartner(manifest: TileManifest, partner: PartnerRecord, allowLoopback: boolean): void {
  for (const kind of ['required', 'optional'] as const) {
    const i = manifest.scopes[kind].findIndex((scope) => !partner.scopes.includes(scope));
    if (i >= 0) throw new EidError('SCOPE_NOT_ALLOWED', { details: { field: `manifest.scopes.${kind}.${i}` } });
  }
  const { target } = manifest;
  if (target.type === 'miniProgram') {
    if (!partner.appIds.includes(target.appId)) throw new EidError('TARGET_NOT_REGISTERED', { details: { field: 'manifest.target.appId' } });
    return;
  }
  const host = hostOfTargetUrl(target.url);
  if (isLoopbackHost(host) && !allowLoopback) throw new EidError('INVALID_INPUT', { reason: 'loopback', details: { field: 'manifest.target.url' } });
  if (!partner.domains.includes(host)) throw new EidError('TARGET_NOT_REGISTERED', { details: { field: 'manifest.target.url' } });
}
