/**
 * Presentation tokens signed with the issuer's current ES256 key: the pure
 * codec (server/token) lays out the COSE_Sign1, this adapter adds the
 * signature (normalised to low-S, so each token has one valid encoding),
 * so the domain never holds a key.
 */
import { sign } from 'node:crypto';
import type { PresentationSigner } from '../../domain/ports';
import { toLowS } from '../../token/low-s';
import { encodePresentation, type PresentationClaims } from '../../token/presentation-token';
import type { IssuerSigningKey } from './issuer-keys';

export class CosePresentationSigner implements PresentationSigner {
  /** A keyring (its current key is read at each signature, so a rotation takes effect at once) or one fixed key. */
  constructor(private readonly keys: { readonly current: IssuerSigningKey } | IssuerSigningKey) {}

  private get key(): IssuerSigningKey {
    return 'current' in this.keys ? this.keys.current : this.keys;
  }

  sign(claims: PresentationClaims): string {
    const unsigned = encodePresentation(claims, this.key.keyId);
    return unsigned.withSignature(toLowS(sign('sha256', unsigned.signedBytes, { key: this.key.privateKey, dsaEncoding: 'ieee-p1363' })));
  }
}
