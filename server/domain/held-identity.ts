/** Opens the sealed personal data of a held card, for the few places that need it in full. */
import type { PiiProtector } from './ports';
import { sealedFieldContext } from './card-view';
import type { IdentityRecord } from './store';

export function openIdentity(identity: IdentityRecord, pii: PiiProtector): { name: string; idNumber: string } {
  return {
    name: pii.open(identity.nameSealed, sealedFieldContext(identity.id, 'name')),
    idNumber: pii.open(identity.idNumberSealed, sealedFieldContext(identity.id, 'idNumber')),
  };
}
