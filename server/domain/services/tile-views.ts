/** How tiles, grants and partners look to their readers: the one place records become views. */
import { EidError } from '../../../core/errors';
import type { GrantView, PartnerView, TileStatusView, TileView } from '../../../core/services-api';
import type { GrantStatus, TileStatus } from '../../../core/services';
import type { TileManifest } from '../../../core/tile-manifest';
import { levelSatisfies, type CardLevel } from '../../../core/card';
import type { GrantRecord, PartnerRecord, TileRecord, TileVersionRecord } from '../services-store';

export function latestVersion(tile: TileRecord): TileVersionRecord {
  return tile.versions[tile.versions.length - 1];
}

/** The manifest citizens see, or null while no version is approved. */
export function servingManifest(tile: TileRecord): TileManifest | null {
  return tile.versions.find((v) => v.version === tile.servingVersion)?.manifest ?? null;
}

/** What a citizen may use now: approved, not suspended, its partner active; otherwise the code that says why not. */
export function assertTileServes(tile: TileRecord, partner: PartnerRecord): TileManifest {
  if (partner.status === 'suspended') throw new EidError('PARTNER_SUSPENDED');
  if (tile.suspended) throw new EidError('TILE_SUSPENDED');
  const manifest = servingManifest(tile);
  if (!manifest) throw new EidError('TILE_NOT_APPROVED');
  return manifest;
}

export function tileStatus(tile: TileRecord): TileStatus {
  if (tile.suspended) return 'suspended';
  const latest = latestVersion(tile).status;
  return latest === 'superseded' ? 'approved' : latest;
}

export function tileView(tile: TileRecord, manifest: TileManifest, partner: PartnerRecord, level: CardLevel): TileView {
  const available = levelSatisfies(level, manifest.minLevel);
  return {
    tileId: tile.id,
    partnerName: partner.name,
    title: manifest.title,
    description: manifest.description,
    icon: manifest.icon,
    category: manifest.category,
    minLevel: manifest.minLevel,
    available,
    ...(!available && { unavailable: 'level' as const }),
  };
}

export function tileStatusView(tile: TileRecord, partner: PartnerRecord): TileStatusView {
  return {
    tileId: tile.id,
    partnerId: partner.id,
    partnerName: partner.name,
    status: tileStatus(tile),
    suspended: tile.suspended,
    servingVersion: tile.servingVersion,
    versions: tile.versions.map((v) => ({
      version: v.version,
      status: v.status,
      reason: v.reason,
      submittedAt: v.submittedAt.toISOString(),
      decidedAt: v.decidedAt?.toISOString() ?? null,
      manifest: v.manifest,
    })),
  };
}

export function grantStatus(grant: GrantRecord, now: Date): GrantStatus {
  if (grant.revokedAt) return 'revoked';
  return grant.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export function grantView(grant: GrantRecord, tile: TileRecord | null, partner: PartnerRecord | null, now: Date): GrantView {
  const manifest = tile ? (servingManifest(tile) ?? latestVersion(tile).manifest) : null;
  return {
    grantId: grant.id,
    tileId: grant.tileId,
    tileTitle: manifest?.title ?? { zh: grant.tileId, en: grant.tileId },
    partnerName: partner?.name ?? grant.partnerId,
    partnerCreditCode: partner?.creditCode ?? '',
    scopes: grant.scopes,
    grantedAt: grant.grantedAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    lastUsedAt: grant.lastUsedAt?.toISOString() ?? null,
    status: grantStatus(grant, now),
  };
}

export function partnerView(partner: PartnerRecord): PartnerView {
  return {
    partnerId: partner.id,
    name: partner.name,
    creditCode: partner.creditCode,
    contact: partner.contact,
    scopes: partner.scopes,
    domains: partner.domains,
    appIds: partner.appIds,
    status: partner.status,
    createdAt: partner.createdAt.toISOString(),
  };
}
