/**
 * Sealing and opening an identity's personal data, in one place so the
 * associated data always matches: each field is bound to its record id and
 * field name, so a sealed value cannot be moved to another record or field.
 * Each identity gets its own data key; destroying it (revocation) shreds the
 * identity.
 */
import type { PiiProtector } from './ports';
import type { IdentityRecord } from './store';

const context = (identityId: string, field: 'name' | 'idNumber') => `identity:${identityId}:${field}`;

export function sealIdentity(
  pii: PiiProtector,
  fields: { id: string; idIndex: string; name: string; idNumber: string; createdAt: Date },
): IdentityRecord {
  const dataKey = { wrapped: pii.newDataKey(fields.id), owner: fields.id };
  return {
    id: fields.id,
    idIndex: fields.idIndex,
    nameSealed: pii.seal(fields.name, context(fields.id, 'name'), dataKey),
    idNumberSealed: pii.seal(fields.idNumber, context(fields.id, 'idNumber'), dataKey),
    dataKey: dataKey.wrapped,
    createdAt: fields.createdAt,
  };
}

/** The full name and ID number, for the few places that need them: masking, the authority, a scene's release. */
export function openIdentity(identity: IdentityRecord, pii: PiiProtector): { name: string; idNumber: string } {
  const dataKey = identity.dataKey === null ? undefined : { wrapped: identity.dataKey, owner: identity.id };
  return {
    name: pii.open(identity.nameSealed, context(identity.id, 'name'), dataKey),
    idNumber: pii.open(identity.idNumberSealed, context(identity.id, 'idNumber'), dataKey),
  };
}
