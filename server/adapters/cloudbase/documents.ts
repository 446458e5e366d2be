/** Store records to CloudBase documents and back (shapes in collections.ts). */
import type { CardRecord, ChainedUsage, FaceSessionRecord, HeldCard, IdentityRecord, TerminalRecord, UsageRecord } from '../../domain/store';
import type { CardDoc, FaceSessionDoc, TerminalDoc, UsageDoc } from './collections';

export const toFaceSessionDoc = (session: FaceSessionRecord): FaceSessionDoc => ({
  _id: session.id,
  holder: session.holder,
  challenge: { actions: [...session.challenge.actions], digits: session.challenge.digits },
  createdAt: session.createdAt.getTime(),
  expiresAt: session.expiresAt.getTime(),
  attemptsUsed: session.attemptsUsed,
  passedAt: session.passedAt?.getTime() ?? null,
});

export const toFaceSession = (doc: FaceSessionDoc): FaceSessionRecord => ({
  id: doc._id,
  holder: doc.holder,
  challenge: doc.challenge as FaceSessionRecord['challenge'],
  createdAt: new Date(doc.createdAt),
  expiresAt: new Date(doc.expiresAt),
  attemptsUsed: doc.attemptsUsed,
  passedAt: doc.passedAt === null ? null : new Date(doc.passedAt),
});

export const toCardDoc = (card: CardRecord, identity: IdentityRecord): CardDoc => ({
  _id: card.id,
  holder: card.holder,
  level: card.level,
  status: card.status,
  issuedAt: card.issuedAt.getTime(),
  expiresAt: card.expiresAt.getTime(),
  keyId: card.keyId,
  signature: card.signature,
  identity: {
    id: identity.id,
    idIndex: identity.idIndex,
    nameSealed: identity.nameSealed,
    idNumberSealed: identity.idNumberSealed,
    createdAt: identity.createdAt.getTime(),
  },
  usageSeq: 0,
});

/** `dataKey`: the identity's wrapped key from its own collection, null when it has none (sealed before data keys, or shredded). */
export const toHeldCard = (doc: CardDoc, dataKey: string | null): HeldCard => ({
  card: {
    id: doc._id,
    identityId: doc.identity.id,
    holder: doc.holder,
    level: doc.level,
    status: doc.status,
    issuedAt: new Date(doc.issuedAt),
    expiresAt: new Date(doc.expiresAt),
    keyId: doc.keyId,
    signature: doc.signature,
  },
  identity: {
    id: doc.identity.id,
    idIndex: doc.identity.idIndex,
    nameSealed: doc.identity.nameSealed,
    idNumberSealed: doc.identity.idNumberSealed,
    dataKey,
    createdAt: new Date(doc.identity.createdAt),
  },
});

export const toTerminalDoc = ({ id, createdAt, ...rest }: TerminalRecord): TerminalDoc => ({ _id: id, ...rest, createdAt: createdAt.getTime() });

export const toTerminal = (doc: TerminalDoc): TerminalRecord => ({
  id: doc._id,
  organisation: doc.organisation,
  city: doc.city,
  scenes: doc.scenes,
  publicKeyJwk: { kty: 'EC', crv: 'P-256', x: doc.publicKeyJwk.x, y: doc.publicKeyJwk.y },
  enabled: doc.enabled,
  createdAt: new Date(doc.createdAt),
});

export const toUsageDoc = (usage: Omit<UsageRecord, 'id'>, seq: number): UsageDoc => ({
  _id: `${usage.cardId}:${seq}`,
  seq,
  cardId: usage.cardId,
  at: usage.at.getTime(),
  terminalId: usage.terminalId,
  organisation: usage.organisation,
  scene: usage.scene,
  attributes: [...usage.attributes],
});

export const toUsage = (doc: UsageDoc): UsageRecord => ({
  id: doc.seq,
  cardId: doc.cardId,
  at: new Date(doc.at),
  terminalId: doc.terminalId,
  organisation: doc.organisation,
  scene: doc.scene,
  attributes: doc.attributes,
});

/** A usage document with its chain fields, as the audit walks it; a field a document predates reads as null. */
export const toChainedUsage = (doc: UsageDoc): ChainedUsage => ({
  ...toUsage(doc),
  prevHash: doc.prevHash ?? null,
  hash: doc.hash ?? null,
  nonce: doc.nonce ?? null,
  contentDigest: doc.contentDigest ?? null,
  redacted: doc.redacted === true,
});
