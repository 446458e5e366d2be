/**
 * What the services use cases need beyond `Deps`: their store and three
 * ports that hold keys the domain never sees. Composed once per process
 * (server/composition/compose-services.ts).
 */
import type { PartnerAttributes } from '../../core/services-api';
import type { PartnerScope } from '../../core/services';
import type { ServicesStore } from './services-store';

/**
 * The pairwise subject id: a keyed hash of (partner, card holder identity).
 * `identityIndex` is the identity's ID-number index, the same for every
 * enrollment of one person; the result holds none of its input.
 */
export interface PairwiseSubjects {
  subjectFor(partnerId: string, identityIndex: string): string;
}

export interface AuthCodeClaims {
  codeId: string;
  tileId: string;
  partnerId: string;
  grantId: string;
  expiresAt: Date;
}

/** Makes and reads one-time authorisation codes; `read` checks the signature only, the use case judges expiry. */
export interface AuthorizationCodes {
  issue(claims: AuthCodeClaims): string;
  read(code: string): AuthCodeClaims | null;
}

export interface ReleaseClaims {
  partnerId: string;
  subject: string;
  tileId: string;
  scopes: PartnerScope[];
  attributes: PartnerAttributes;
  issuedAt: Date;
  expiresAt: Date;
}

/** Signs an exchange's release with the issuer's key, so a partner can check it with the JWKS. */
export interface ReleaseSigner {
  sign(claims: ReleaseClaims): string;
}

export interface ServicesDeps {
  store: ServicesStore;
  pairwise: PairwiseSubjects;
  codes: AuthorizationCodes;
  releases: ReleaseSigner;
  /**
   * Whether partners may register loopback hosts (`127.0.0.1`, `localhost`)
   * and target plain-http pages on them: the emulator's sample partner only;
   * a deployment refuses them.
   */
  allowLoopbackTargets: boolean;
}
