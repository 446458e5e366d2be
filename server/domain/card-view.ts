/** The masked view of a held card: personal data opened only to be masked. */
import type { CardView } from '../../core/api';
import { maskIdNumber, maskName } from '../../core/mask';
import type { PiiProtector } from './ports';
import { openIdentity } from './sealed-identity';
import type { HeldCard } from './store';

export function toCardView({ card, identity }: HeldCard, pii: PiiProtector): CardView {
  const { name, idNumber } = openIdentity(identity, pii);
  return {
    cardId: card.id,
    level: card.level,
    status: card.status,
    maskedName: maskName(name),
    maskedIdNumber: maskIdNumber(idNumber),
    issuedAt: card.issuedAt.toISOString(),
    expiresAt: card.expiresAt.toISOString(),
    issuerSignature: card.signature,
    keyId: card.keyId,
  };
}
