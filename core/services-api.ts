/**
 * Request and response types of the services journey: what the citizen's
 * services, consent and authorisation pages receive, what a partner's
 * exchange returns, and what partners and admins see of tiles.
 */
import type { CardLevel } from './card';
import type {
  AuthorizeEvent,
  GetTileConsentEvent,
  ListExchangesEvent,
  ListGrantsEvent,
  ListServicesEvent,
  RevokeGrantEvent,
} from './services-schemas';
import type { GrantStatus, PartnerScope, PartnerStatus, TileCategory, TileIcon, TileStatus, TileVersionStatus } from './services';
import type { TileManifest, TileTarget } from './tile-manifest';

type Text = { zh: string; en: string };

export interface RegionView {
  code: string;
  label: Text;
}

/** A tile on the services page. `unavailable: 'level'`: it needs a colour card the citizen does not hold yet. */
export interface TileView {
  tileId: string;
  partnerName: string;
  title: Text;
  description: Text;
  icon: TileIcon;
  category: TileCategory;
  minLevel: CardLevel;
  available: boolean;
  unavailable?: 'level';
}

export interface ServicesView {
  /** From the card's ID number; null for numbers that name no mainland region (residence permits). */
  homeRegion: RegionView | null;
  /** The region the tiles are for: the home region, or the one the citizen picked. */
  region: RegionView | null;
  tiles: TileView[];
}

/** A citizen's authorisation of one tile's partner to receive some scopes. */
export interface GrantView {
  grantId: string;
  tileId: string;
  tileTitle: Text;
  partnerName: string;
  partnerCreditCode: string;
  scopes: PartnerScope[];
  grantedAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  status: GrantStatus;
}

/** Everything the consent screen shows before the citizen's first use of a tile. */
export interface ConsentView {
  tile: TileView;
  partner: { name: string; creditCode: string };
  purpose: Text;
  /** Always released: `verified` and `pseudonym`. */
  always: PartnerScope[];
  required: PartnerScope[];
  optional: PartnerScope[];
  /** Those of required and optional that need their own tick (full name, full ID number). */
  sensitive: PartnerScope[];
  grantDays: number;
  /** A grant that already covers the tile: no consent screen needed. */
  grant: GrantView | null;
}

/** A one-time code for the tile's partner, and where to take it. */
export interface AuthorizationView {
  code: string;
  expiresAt: string;
  target: TileTarget;
  grantId: string;
}

/** One exchange of a code by a partner, as the citizen's records show it. */
export interface ExchangeView {
  id: number;
  at: string;
  partnerName: string;
  tileTitle: Text;
  /** What the partner received (names, never values). */
  scopes: PartnerScope[];
}

/** Released to a partner: exactly its granted scopes' values (`verified` always). */
export interface PartnerAttributes {
  verified: true;
  fullName?: string;
  idNumber?: string;
  maskedIdNumber?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  over18?: boolean;
  /** GB/T 2260 code of the ID number's city (or province). */
  region?: string;
  cardLevel?: CardLevel;
}

export interface ExchangeResult {
  /** The pairwise subject id: stable for this partner and this person, unlinkable across partners, no identity data. */
  subject: string;
  scopes: PartnerScope[];
  attributes: PartnerAttributes;
  tileId: string;
  exchangedAt: string;
  /** The same release signed by the issuer (ES256 JWT, `aud` = partner id), checkable with the JWKS. */
  idToken: string;
}

export interface TileVersionView {
  version: number;
  status: TileVersionStatus;
  /** Why an admin rejected it, for the partner to read. */
  reason: string | null;
  submittedAt: string;
  decidedAt: string | null;
  manifest: TileManifest;
}

/** A tile as its partner and the admins see it. */
export interface TileStatusView {
  tileId: string;
  partnerId: string;
  partnerName: string;
  status: TileStatus;
  suspended: boolean;
  /** The version citizens see, if one is approved. */
  servingVersion: number | null;
  versions: TileVersionView[];
}

export interface SubmittedTileView {
  tileId: string;
  version: number;
  /** `approved` when an update neither widened scopes nor changed the target. */
  status: 'pending' | 'approved';
}

export interface PartnerView {
  partnerId: string;
  name: string;
  creditCode: string;
  contact: string;
  scopes: PartnerScope[];
  domains: string[];
  appIds: string[];
  status: PartnerStatus;
  createdAt: string;
}

type Request<E> = Omit<E, 'action'>;

/** action name → request and response, for the citizen function's services actions. */
export interface CitizenServicesActions {
  listServices: { request: Request<ListServicesEvent>; response: ServicesView };
  getTileConsent: { request: Request<GetTileConsentEvent>; response: ConsentView };
  authorize: { request: Request<AuthorizeEvent>; response: AuthorizationView };
  listGrants: { request: Request<ListGrantsEvent>; response: { grants: GrantView[] } };
  revokeGrant: { request: Request<RevokeGrantEvent>; response: { grantId: string } };
  listExchanges: { request: Request<ListExchangesEvent>; response: { exchanges: ExchangeView[]; nextBefore: number | null } };
}
