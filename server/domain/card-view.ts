/** The masked view of a held card: personal data opened only to be masked. */
import type { CardView } from '../../core/api';
import { maskIdNumber, maskName } from '../../core/mask';
import type { PiiProtector } from './ports';
import { openIdentity } from './held-identity';
import type { HeldCard, IdentityRecord } from './store';

/** Associated data binds each sealed field to its record and field name. */
export const sealedFieldContext = (identityId: IdentityRecord['id'], field: 'name' | 'idNumber') => `identity:${identityId}:${field}`;

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
