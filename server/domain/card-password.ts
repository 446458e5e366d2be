/**
 * Use cases of the card password (journey 4): set it, change it (with the old
 * one or a fresh face check), unlock it after too many wrong tries (a fresh
 * face check), and check it at an upgrade terminal. The password itself is
 * never stored, logged or returned: only its scrypt hash (PasswordHasher).
 */
import { checkCardPassword, checkCardPasswordAlone, type CardPasswordCheck } from '../../core/card-password';
import { EidError } from '../../core/errors';
import { CARD_PASSWORD_LOCK_SECONDS, CARD_PASSWORD_MAX_TRIES } from '../../core/policy';
import type { SetCardPasswordEvent, UnlockCardPasswordEvent } from '../../core/schemas';
import { assertCardActive } from './card-rules';
import type { Deps } from './deps';
import { passHolderFaceCheck, type FaceProof } from './reauth';
import { openIdentity } from './sealed-identity';
import type { HeldCard } from './store';

const LIMIT = { max: CARD_PASSWORD_MAX_TRIES, lockMs: CARD_PASSWORD_LOCK_SECONDS * 1000 };

async function activeCardOf(deps: Deps, holder: string, now: Date): Promise<HeldCard> {
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  assertCardActive(held.card, now);
  return held;
}

const faceProofOf = (request: Partial<FaceProof>): FaceProof | null =>
  request.faceSessionId && request.faceCapture ? { faceSessionId: request.faceSessionId, liveness: request.liveness, faceCapture: request.faceCapture } : null;

function assertStrong(check: CardPasswordCheck): void {
  if (!check.ok) throw new EidError('PASSWORD_WEAK', { reason: check.reason });
}

/**
 * Sets the password, or changes it. The first one needs a fresh face check;
 * a change needs the old password (which spends a try like any other) or a
 * fresh face check (which also lifts a lock).
 *
 * Only the rules that judge the password alone come before the caller is
 * authenticated (they spare a face check or a try, and tell nothing about
 * the holder); the birth-date rule comes after. Checked first, it told
 * anyone holding the signed-in phone, unlimited and for free, whether a guess
 * was the birth date the card view masks (PASSWORD_WEAK/birth_date rather
 * than REAUTH_REQUIRED).
 *
 * The hash is slow, and a revocation may commit while it is made: the store
 * then refuses to keep it (a password must not outlive the card's shredding),
 * and the holder is told the card is revoked.
 */
export async function setCardPassword(deps: Deps, holder: string, request: Omit<SetCardPasswordEvent, 'action'>): Promise<{ setAt: string }> {
  const now = deps.clock.now();
  const held = await activeCardOf(deps, holder, now);
  assertStrong(checkCardPasswordAlone(request.password));
  await authenticateHolder(deps, holder, held, request, now);
  assertStrong(checkCardPassword(request.password, openIdentity(held.identity, deps.pii).idNumber));

  const hash = await deps.passwords.hash(request.password);
  if (!(await deps.store.setCardPassword(held.card.id, hash, now))) throw new EidError('CARD_REVOKED');
  return { setAt: now.toISOString() };
}

/** The old password when the request carries one and the card has one, else a fresh face check; with neither, REAUTH_REQUIRED. */
async function authenticateHolder(deps: Deps, holder: string, held: HeldCard, request: Omit<SetCardPasswordEvent, 'action'>, now: Date): Promise<void> {
  if (request.oldPassword !== undefined && (await deps.store.getCardPassword(held.card.id))) return checkPassword(deps, held.card.id, request.oldPassword, now);
  const face = faceProofOf(request);
  if (face) return passHolderFaceCheck(deps, holder, held, face, now);
  throw new EidError('REAUTH_REQUIRED');
}

/** Lifts a lock after too many wrong passwords: a fresh face check of the holder. */
export async function unlockCardPassword(deps: Deps, holder: string, request: Omit<UnlockCardPasswordEvent, 'action'>): Promise<{ unlockedAt: string }> {
  const now = deps.clock.now();
  const held = await activeCardOf(deps, holder, now);
  if (!(await deps.store.getCardPassword(held.card.id))) throw new EidError('PASSWORD_NOT_SET');
  await passHolderFaceCheck(deps, holder, held, request, now);
  await deps.store.resetPasswordTries(held.card.id);
  return { unlockedAt: now.toISOString() };
}

/**
 * Checks a typed password: the try is spent before the hash is compared, so
 * concurrent guesses cannot pass the limit; a right one starts the count again.
 */
export async function checkPassword(deps: Deps, cardId: string, password: string, now: Date): Promise<void> {
  const spent = await deps.store.spendPasswordTry(cardId, now, LIMIT);
  if (spent === null) throw new EidError('PASSWORD_NOT_SET');
  if (spent === 'locked') throw new EidError('PASSWORD_LOCKED');
  if (await deps.passwords.verify(password, spent.hash)) {
    await deps.store.resetPasswordTries(cardId);
    return;
  }
  const triesLeft = CARD_PASSWORD_MAX_TRIES - spent.triesUsed;
  if (triesLeft <= 0) throw new EidError('PASSWORD_LOCKED');
  throw new EidError('PASSWORD_WRONG', { details: { triesLeft } });
}
