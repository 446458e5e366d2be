/**
 * The store port (DESIGN.md §6): what the use cases need to persist, with no
 * query language in sight. Async because the CloudBase adapter is; the SQLite
 * adapter answers at once. Personal data arrives here already sealed.
 */
import { cardStateAt, type CardLevel, type CardStatus } from '../../core/card';
import type { LivenessChallenge } from '../../core/liveness';
import type { Attribute, Scene } from '../../core/scenes';
import type { UpgradeSiteView } from '../../core/upgrade-directory';

export interface FaceSessionRecord {
  id: string;
  holder: string;
  challenge: LivenessChallenge;
  createdAt: Date;
  expiresAt: Date;
  attemptsUsed: number;
  /** When the face check of this session passed, if it did. */
  passedAt: Date | null;
}

export interface IdentityRecord {
  id: string;
  /** HMAC index of the normalised ID number. */
  idIndex: string;
  nameSealed: string;
  idNumberSealed: string;
  /**
   * The identity's own data key, wrapped (PiiProtector.newDataKey): the
   * sealed fields open only with it. Null for an identity sealed under the
   * master key before data keys existed, and for a revoked card's identity,
   * whose key was destroyed along with its sealed fields.
   */
  dataKey: string | null;
  createdAt: Date;
}

export interface CardRecord {
  id: string;
  identityId: string;
  holder: string;
  level: CardLevel;
  status: CardStatus;
  issuedAt: Date;
  expiresAt: Date;
  keyId: string;
  signature: string;
}

export interface HeldCard {
  card: CardRecord;
  identity: IdentityRecord;
}

/**
 * What one lifecycle transition writes: the new status and, for a renewal,
 * the new validity, for an upgrade the new level, each with the issuer's
 * signature over the card's claims as they are after the change.
 */
interface CardChangeFields {
  renewal?: Pick<CardRecord, 'issuedAt' | 'expiresAt' | 'keyId' | 'signature'>;
  upgrade?: Pick<CardRecord, 'level' | 'keyId' | 'signature'>;
}

/** A lifecycle change; a revocation carries its instant, the only time its card's redacted usages keep. */
export type CardChange = CardChangeFields & ({ status: Exclude<CardStatus, 'revoked'>; at?: Date } | { status: 'revoked'; at: Date });

/**
 * What a lifecycle decision was made on, and what a compare-and-set compares:
 * the status and every claim the issuer's signature covers (CardClaims; the
 * card id is the key), so a signature made for one version of the card is
 * never written over another.
 */
export type ExpectedCard = Pick<CardRecord, 'status' | 'level' | 'issuedAt' | 'expiresAt'>;

/** An entry of the upgrade terminal directory, as the admin put it (core/upgrade-directory.ts). */
export type UpgradeSiteRecord = Omit<UpgradeSiteView, 'openNow'> & { updatedAt: Date };

/** A card moved to another account (journey 6): kept so the old account can see why its card left, and to limit moves. */
export interface CardMoveRecord {
  fromCardId: string;
  fromHolder: string;
  toCardId: string;
  /** The HMAC index of the ID number: moves are counted per person. */
  idIndex: string;
  at: Date;
}

/** A card's password: only its slow salted hash (PasswordHasher), and its wrong tries. */
export interface CardPasswordRecord {
  cardId: string;
  hash: string;
  /** Tries spent since the last right one (or the last unlock); a try is spent before it is checked. */
  triesUsed: number;
  lastTryAt: Date | null;
  setAt: Date;
}

/** Raised by mintCard when the holder or the ID number already has a live card. */
export class CardConflict extends Error {
  constructor(readonly by: 'holder' | 'id_number') {
    super(`A live card already exists for this ${by}`);
  }
}

export interface TerminalRecord {
  id: string;
  organisation: string;
  city: string;
  scenes: Scene[];
  /** The terminal's ES256 public key as a JWK (kty EC, crv P-256, x, y). */
  publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  enabled: boolean;
  createdAt: Date;
}

export interface UsageRecord {
  id: number;
  cardId: string;
  at: Date;
  terminalId: string;
  organisation: string;
  scene: Scene;
  /** Names of the released attributes, never their values. */
  attributes: Attribute[];
}

/**
 * A usage with its link in its card's hash chain (server/adapters/usage-chain.ts);
 * both null for a usage recorded before the chain existed. `nonce` and
 * `contentDigest` (chain v2) are null for one recorded before redaction
 * existed; a redacted usage (its card revoked) keeps its links and digest,
 * and has lost its nonce, its details and its time.
 */
export interface ChainedUsage extends UsageRecord {
  prevHash: string | null;
  hash: string | null;
  nonce: string | null;
  contentDigest: string | null;
  redacted: boolean;
}

/**
 * A signed checkpoint of every card's chain head (server/adapters/audit/).
 * `token` signs only the root over the heads and how many there are, so it
 * can be published; the heads it covers stay in the store.
 */
export interface AuditCheckpointRecord {
  at: Date;
  token: string;
  heads: Record<string, string>;
}

/** Raised by recordVerification when the token was already used. */
export class TokenAlreadyUsed extends Error {
  constructor() {
    super('This presentation token was already used');
  }
}

/** What recordVerification found of a card it refused: no personal data, enough to say why. */
export type CardStanding = Pick<CardRecord, 'status' | 'level' | 'issuedAt' | 'expiresAt'>;

/**
 * Raised by recordVerification, writing nothing, when the card is no longer
 * in the state the use was decided on (takesUse); `found` is the card as the
 * atomic step read it, so the use case can answer with its refusal as it is now.
 */
export class CardChanged extends Error {
  constructor(readonly found: CardStanding) {
    super('The card changed after the use was decided');
  }
}

/**
 * An upgrade recorded with its use (recordVerification): the card as the
 * upgrade was decided and signed on, and the level, key id and signature it
 * gets.
 */
export interface CardUpgrade {
  expected: Pick<CardRecord, 'level' | 'issuedAt' | 'expiresAt'>;
  change: NonNullable<CardChange['upgrade']>;
}

/**
 * The condition recordVerification writes under, the same on every adapter:
 * the card is active at the usage's instant and, for an upgrade, still has
 * the level and validity the upgrade was signed on.
 */
export function takesUse(card: Pick<CardRecord, 'status' | 'level' | 'issuedAt' | 'expiresAt'>, at: Date, upgrade?: CardUpgrade): boolean {
  if (cardStateAt(card.status, card.expiresAt, at) !== 'active') return false;
  if (!upgrade) return true;
  const { level, issuedAt, expiresAt } = upgrade.expected;
  return card.level === level && card.issuedAt.getTime() === issuedAt.getTime() && card.expiresAt.getTime() === expiresAt.getTime();
}

/** How many face sessions a holder may open: at most `max` created after `since`. */
export interface FaceStartLimit {
  since: Date;
  max: number;
}

/** Rows older than these instants guard nothing any more (server/domain/prune.ts decides them). */
export interface PruneCutoffs {
  /** Face sessions created, expired and (if at all) passed before this. */
  faceSessionsBefore: Date;
  failuresBefore: Date;
  /** Spent-token rows of tokens used before this. */
  spentTokensBefore: Date;
  /** Spent terminal proofs kept until before this (they could no longer be accepted anyway). */
  terminalProofsBefore: Date;
}

export interface PruneCounts {
  faceSessions: number;
  failures: number;
  spentTokens: number;
  terminalProofs: number;
}

export interface Store {
  /**
   * Opens a face session, unless its holder already opened `limit.max`
   * sessions created after `limit.since` (open, closed or passed). In the same
   * atomic step it closes every other open session of the holder (they expire
   * at once; passed ones stay), so a holder never has more than one open
   * session, and concurrent opens never exceed the limit. Returns false,
   * writing nothing, when over the limit.
   */
  openFaceSession(session: FaceSessionRecord, limit: FaceStartLimit): Promise<boolean>;
  /**
   * Atomically spends one attempt of a holder's open session, if it has not
   * expired and attempts remain. Returns the session after the spend, or null.
   */
  spendFaceAttempt(id: string, holder: string, now: Date, maxAttempts: number): Promise<FaceSessionRecord | null>;
  markFacePassed(id: string, at: Date): Promise<void>;

  /** One failure under each listed key; a key listed twice counts twice. */
  recordFailure(keys: string[], at: Date): Promise<void>;
  /** Failures under `key` recorded strictly after `since`. */
  countFailures(key: string, since: Date): Promise<number>;
  /** Forgets every failure counted under `key` (an ID number's, at revocation). */
  forgetFailures(key: string): Promise<void>;

  findCardByHolder(holder: string): Promise<HeldCard | null>;
  /** Inserts identity and card together or not at all; throws CardConflict. */
  mintCard(identity: IdentityRecord, card: CardRecord): Promise<void>;

  /** The live (not revoked) card of an ID number's index, if any. */
  findLiveCardByIdIndex(idIndex: string): Promise<HeldCard | null>;
  /**
   * Moves a card to another account as one atomic step: only if the old card
   * is still as `expected` (compared as changeCard compares it: the new card
   * copies its level), it is revoked and shredded as changeCard revokes (its
   * usages redacted too, their time the move's: the history belongs to the
   * old account, which ends; the new card starts its own), the
   * new identity and card are minted, and the move is recorded; otherwise
   * nothing is written and the answer is false. Throws CardConflict, writing
   * nothing, when the new holder already has a live card.
   */
  moveCard(from: { cardId: string; expected: ExpectedCard }, identity: IdentityRecord, card: CardRecord, move: CardMoveRecord): Promise<boolean>;
  /** Moves of an ID number's cards recorded strictly after `since`. */
  countMoves(idIndex: string, since: Date): Promise<number>;
  /** The latest move away from a holder's account, if any. */
  lastMoveFrom(holder: string): Promise<CardMoveRecord | null>;

  /** When the holder last passed a face check, if ever. */
  lastFacePassedAt(holder: string): Promise<Date | null>;
  getHeldCard(cardId: string): Promise<HeldCard | null>;
  /**
   * One lifecycle transition as a compare-and-set: writes `change` only if
   * the card's status, level, issue time and expiry are still `expected`
   * (what the state machine decided on and the change's signature covers),
   * and answers whether it wrote. Of any number of concurrent changes decided
   * on the same card, exactly one writes. Revoking frees the holder and the
   * ID number for a new card in the same atomic step, and shreds the
   * identity: its data key is destroyed, its sealed fields, ID number index
   * and holder are erased, and what stays is a non-identifying audit entry
   * (card id, level, dates, status, the issuer's key id and signature) with
   * its usages, which then belong to nobody; its password hash is deleted.
   * Its usages are redacted in the same step: each keeps its id, card, chain
   * links and content digest, and loses its terminal, organisation, scene,
   * attributes and nonce, its time becoming the revocation's (`change.at`),
   * so they stay countable and their chain verifiable, and tell nothing. An
   * adapter that keeps old pages (SQLite's WAL) leaves no copy of what was
   * erased.
   */
  changeCard(cardId: string, expected: ExpectedCard, change: CardChange): Promise<boolean>;

  /**
   * Sets (or replaces) a card's password hash, its tries starting again from
   * none, only if the card exists and is not revoked, in one atomic step with
   * that check: answers whether it wrote. A revocation that commits while the
   * slow hash is made (and shreds the card, its password included) therefore
   * leaves no hash behind, whichever commits first.
   */
  setCardPassword(cardId: string, hash: string, at: Date): Promise<boolean>;
  getCardPassword(cardId: string): Promise<CardPasswordRecord | null>;
  /**
   * Spends one password try before the password is checked, atomically:
   * 'locked' (writing nothing) while `max` tries are spent and the last was
   * less than `lockMs` ago; once that lock has passed, the count starts again.
   * Of any number of concurrent tries, no more than `max` are ever spent
   * before a lock. Null when the card has no password.
   */
  spendPasswordTry(cardId: string, now: Date, limit: { max: number; lockMs: number }): Promise<CardPasswordRecord | 'locked' | null>;
  /** A right password, or a face check of the holder: the tries start again from none. */
  resetPasswordTries(cardId: string): Promise<void>;

  /** Adds or replaces a directory entry by its id. */
  putUpgradeSite(site: UpgradeSiteRecord): Promise<void>;
  /** Directory entries, of one city or all, ordered by city then id. */
  listUpgradeSites(city?: string): Promise<UpgradeSiteRecord[]>;

  insertTerminal(terminal: TerminalRecord): Promise<void>;
  getTerminal(id: string): Promise<TerminalRecord | null>;
  setTerminalEnabled(id: string, enabled: boolean): Promise<boolean>;
  /**
   * Spends a terminal's once-only proof (an assertion that opens a session
   * or makes an upgrade, or a session's upgrade counter), kept until
   * `keptUntil`, when it could no longer be accepted anyway. Of concurrent
   * calls for one terminal and proof id, exactly one returns true.
   */
  spendTerminalProof(terminalId: string, proofId: string, keptUntil: Date): Promise<boolean>;

  /**
   * Spends the token and records its usage as one atomic step: of any number
   * of concurrent calls with one token id, exactly one succeeds and the others
   * throw TokenAlreadyUsed, writing nothing. If the usage cannot be written
   * (an unknown card, a failed write), nothing is written at all and the
   * token stays unspent, so a later valid claim of it can still succeed.
   *
   * The same step reads the card and writes only while it is active at
   * `usage.at` (takesUse): a card reported lost, revoked or expired by then
   * gets CardChanged, with the card as found, checked before the token, and
   * nothing written. So once a changeCard that suspends or revokes the card
   * has returned, no use of the card is recorded, whenever it was decided;
   * the use case checks the card first only to answer early.
   *
   * With `upgrade`, the same step also writes the card's new level, key id
   * and signature (status and validity kept), only while the card still has
   * the level and expiry the upgrade was signed on (else CardChanged, nothing
   * written): an upgrade's usage is never recorded without the upgrade, nor
   * the upgrade made without its usage and its spent token.
   */
  recordVerification(tokenId: string, usage: Omit<UsageRecord, 'id'>, upgrade?: CardUpgrade): Promise<void>;
  /** Newest first; `before` is the id of the last record of the previous page. */
  listUsages(cardId: string, page: { before?: number; limit: number }): Promise<UsageRecord[]>;

  /** Every usage with its chain link, by card then id, read a page at a time: what `npm run audit:verify` walks. */
  chainedUsages(): AsyncIterable<ChainedUsage>;
  /**
   * Each card's chain head by card id: the hash of its newest usage, kept on
   * the card and moved on in the same atomic step as the usage is written,
   * so removing the newest entries shows (the head names what is gone).
   */
  usageChainHeads(): Promise<Map<string, string>>;
  /** The ids of revoked cards: the only cards whose usages may be redacted (audit:verify checks it). */
  revokedCardIds(): Promise<Set<string>>;
  addAuditCheckpoint(checkpoint: AuditCheckpointRecord): Promise<void>;
  /** Oldest first. */
  listAuditCheckpoints(): Promise<AuditCheckpointRecord[]>;

  /**
   * Deletes what guards nothing any more: face sessions whose creation, expiry
   * and pass (if any) are all before `faceSessionsBefore`, failures before
   * `failuresBefore`, spent-token rows used before `spentTokensBefore`, spent
   * terminal proofs kept until before `terminalProofsBefore`. Never
   * deletes usages, cards, identities or terminals.
   */
  prune(cutoffs: PruneCutoffs): Promise<PruneCounts>;

  close(): Promise<void>;
}
