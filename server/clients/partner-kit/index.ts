/**
 * The partner kit: everything a government service partner's Node backend
 * needs to integrate a tile (README, "Partner kit"): sign assertions,
 * exchange a citizen's one-time code, check the issuer's signature with the
 * JWKS, submit tiles and read their review state.
 */
export { signPartnerAssertion, type PartnerCredential } from './sign-partner-assertion';
export { IssuerJwks, ReleaseRefused, RELEASE_ISSUER, type VerifiedRelease } from './issuer-jwks';
export { PartnerCallError, PartnerClient, type PartnerClientOptions } from './partner-client';
export type { ExchangeResult, PartnerAttributes, SubmittedTileView, TileStatusView } from '../../../core/services-api';
export type { TileManifest } from '../../../core/tile-manifest';
