/**
 * The services journey's events (journey 5), declared once like every other
 * event (core/schemas.ts joins them into each function's union): the
 * citizen's services page, consent and grants; a partner's tiles and code
 * exchange; an admin's onboarding and review. Objects are strict.
 */
import { z } from 'zod';
import { CREDIT_CODE_PATTERN, isCreditCode } from './credit-code';
import { publicJwkSchema } from './jwk-schema';
import { pageRequestFields } from './paging';
import { PARTNER_SCOPES, PARTNER_STATUSES, REQUESTABLE_SCOPES, TILE_STATUSES, type PartnerScope, type RequestableScope } from './services';
import { APP_ID_PATTERN, HOSTNAME_PATTERN, plainText, tileManifestSchema } from './tile-manifest';

/** Ids the service made (`pt_…`, `tl_…`, `gr_…`): short, URL-safe. */
const serviceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const assertion = z.string().max(2048);
const requestableScopes = z.array(z.enum(REQUESTABLE_SCOPES as [RequestableScope, ...RequestableScope[]])).max(REQUESTABLE_SCOPES.length);
const anyScopes = z.array(z.enum(PARTNER_SCOPES as unknown as [PartnerScope, ...PartnerScope[]])).max(PARTNER_SCOPES.length);

// ── citizen ──────────────────────────────────────────────────────────────

/** Approved tiles for the card's home region, or for `region` (a province or city code) when the citizen looks elsewhere. */
export const listServicesEvent = z
  .object({
    action: z.literal('listServices'),
    region: z.string().regex(/^\d{4}00$/).optional(),
  })
  .strict();

/** What the consent screen shows for a tile, and whether a grant already covers it. */
export const getTileConsentEvent = z.object({ action: z.literal('getTileConsent'), tileId: serviceId }).strict();

/**
 * A one-time code for the tile's partner. With `consent`, a new grant: the
 * optional scopes ticked, and each sensitive scope ticked on its own; without,
 * the grant the citizen already gave must cover the tile.
 */
export const authorizeEvent = z
  .object({
    action: z.literal('authorize'),
    tileId: serviceId,
    consent: z.object({ optional: requestableScopes, sensitive: requestableScopes }).strict().optional(),
  })
  .strict();

export const listGrantsEvent = z.object({ action: z.literal('listGrants') }).strict();
export const revokeGrantEvent = z.object({ action: z.literal('revokeGrant'), grantId: serviceId }).strict();

export const listExchangesEvent = z.object({ action: z.literal('listExchanges'), ...pageRequestFields }).strict();

export const citizenServicesEvents = [listServicesEvent, getTileConsentEvent, authorizeEvent, listGrantsEvent, revokeGrantEvent, listExchangesEvent] as const;

// ── partner (every event carries the partner's fresh ES256 assertion) ───

/** A new tile, or with `tileId` a new version of one of the partner's tiles. */
export const submitTileEvent = z
  .object({
    action: z.literal('submitTile'),
    assertion,
    tileId: serviceId.optional(),
    manifest: tileManifestSchema,
  })
  .strict();

/** The partner's tiles (or one), each with its review state and any rejection reason. */
export const tileStatusEvent = z.object({ action: z.literal('tileStatus'), assertion, tileId: serviceId.optional() }).strict();

/** A one-time code for the granted attributes and the pairwise subject id; `scopes` narrows what is released. */
export const exchangeEvent = z
  .object({
    action: z.literal('exchange'),
    assertion,
    code: z.string().max(1024),
    scopes: anyScopes.optional(),
  })
  .strict();

export const partnerEvent = z.discriminatedUnion('action', [submitTileEvent, tileStatusEvent, exchangeEvent]);

// ── admin ────────────────────────────────────────────────────────────────

export const onboardPartnerEvent = z
  .object({
    action: z.literal('onboardPartner'),
    assertion,
    name: plainText(1, 100),
    creditCode: z.string().regex(CREDIT_CODE_PATTERN).refine(isCreditCode, 'checksum'),
    contact: plainText(1, 200),
    scopes: anyScopes.min(1),
    domains: z.array(z.string().max(253).regex(HOSTNAME_PATTERN)).max(20),
    appIds: z.array(z.string().regex(APP_ID_PATTERN)).max(20),
    publicKeyJwk: publicJwkSchema,
  })
  .strict();

export const listPartnersEvent = z.object({ action: z.literal('listPartners'), assertion }).strict();
export const setPartnerStatusEvent = z
  .object({ action: z.literal('setPartnerStatus'), assertion, partnerId: serviceId, status: z.enum(PARTNER_STATUSES) })
  .strict();
export const listTilesEvent = z.object({ action: z.literal('listTiles'), assertion, status: z.enum(TILE_STATUSES).optional() }).strict();

const reviewedVersion = { assertion, tileId: serviceId, version: z.number().int().min(1).max(1_000_000) };
export const approveTileEvent = z.object({ action: z.literal('approveTile'), ...reviewedVersion }).strict();
/** The reason is for the partner to read (`tileStatus`). */
export const rejectTileEvent = z.object({ action: z.literal('rejectTile'), ...reviewedVersion, reason: plainText(1, 500) }).strict();
/** Suspends a tile at once (hidden, not authorisable, its codes refused), or lifts the suspension. */
export const suspendTileEvent = z.object({ action: z.literal('suspendTile'), assertion, tileId: serviceId, suspended: z.boolean() }).strict();

export const adminServicesEvents = [
  onboardPartnerEvent,
  listPartnersEvent,
  setPartnerStatusEvent,
  listTilesEvent,
  approveTileEvent,
  rejectTileEvent,
  suspendTileEvent,
] as const;

export type ListServicesEvent = z.infer<typeof listServicesEvent>;
export type GetTileConsentEvent = z.infer<typeof getTileConsentEvent>;
export type AuthorizeEvent = z.infer<typeof authorizeEvent>;
export type ListGrantsEvent = z.infer<typeof listGrantsEvent>;
export type RevokeGrantEvent = z.infer<typeof revokeGrantEvent>;
export type ListExchangesEvent = z.infer<typeof listExchangesEvent>;
export type CitizenServicesEvent = z.infer<(typeof citizenServicesEvents)[number]>;
export type SubmitTileEvent = z.infer<typeof submitTileEvent>;
export type TileStatusEvent = z.infer<typeof tileStatusEvent>;
export type ExchangeEvent = z.infer<typeof exchangeEvent>;
export type PartnerEvent = z.infer<typeof partnerEvent>;
export type OnboardPartnerEvent = z.infer<typeof onboardPartnerEvent>;
export type AdminServicesEvent = z.infer<(typeof adminServicesEvents)[number]>;
