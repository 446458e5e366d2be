/** How long a card is valid: from its issue (or its renewal) for BASIC_CARD_VALIDITY_YEARS, whatever its level. */
import { BASIC_CARD_VALIDITY_YEARS } from '../../core/policy';

export function cardValidityFrom(issuedAt: Date): Date {
  const expiresAt = new Date(issuedAt);
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + BASIC_CARD_VALIDITY_YEARS);
  return expiresAt;
}
