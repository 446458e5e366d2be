/**
 * Card signatures as compact JWS (ES256) through jsonwebtoken, with the
 * KeyObject parsed once and the algorithm pinned. Times come from the claims,
 * never from the wall clock, so a frozen clock gives a stable signature input.
 */
import jwt from 'jsonwebtoken';
import type { CardClaims, CardSigner } from '../../domain/ports';
import type { IssuerSigningKey } from './issuer-keys';

export const CARD_ISSUER = 'e-id-card';
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export class JwtCardSigner implements CardSigner {
  /** A keyring (its current key is read at each signature, so a rotation takes effect at once) or one fixed key. */
  constructor(private readonly keys: { readonly current: IssuerSigningKey } | IssuerSigningKey) {}

  private get key(): IssuerSigningKey {
    return 'current' in this.keys ? this.keys.current : this.keys;
  }

  sign(claims: CardClaims): { keyId: string; signature: string } {
    const signature = jwt.sign(
      { lvl: claims.level, iat: seconds(claims.issuedAt), exp: seconds(claims.expiresAt) },
      this.key.privateKey,
      { algorithm: 'ES256', keyid: this.key.keyId, subject: claims.cardId, issuer: CARD_ISSUER },
    );
    return { keyId: this.key.keyId, signature };
  }
}
