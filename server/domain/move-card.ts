/**
 * Use case: move the person's card to this account (journey 6). A new WeChat
 * account (or a second browser in the simulator) that enrolls an identity
 * whose card lives in another account is offered this instead of a dead end.
 *
 * Order as in enrollment: consent and the typed identity first; the caller's
 * own limit; a face check that the authority confirms against the typed
 * identity (so nobody learns whether a number holds a card before proving to
 * be its person); then the person's move limit, the state machine, and the
 * move itself as one atomic step: the old account's card is revoked and
 * shredded (its codes stop verifying at once), this account gets a new card
 * of the same level, and the move is recorded for the old account to read.
 */
import type { CardView } from '../../core/api';
import { EidError } from '../../core/errors';
import { CARD_MOVE_LIMIT, CARD_MOVE_WINDOW_DAYS } from '../../core/policy';
import type { MoveCardEvent } from '../../core/schemas';
import { nextStatus } from './card-lifecycle';
import { cardValidityFrom } from './card-validity';
import { onCurrentCard } from './change-card-state';
import { toCardView } from './card-view';
import type { Deps } from './deps';
import { passFaceCheck } from './face-check';
import { parseClaim } from './identity-claim';
import { assertCallerMayTry } from './rate-limit';
import { sealIdentity } from './sealed-identity';
import type { ServicesDeps } from './services-deps';
import { CardConflict, type CardRecord } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function moveCard(deps: Deps, holder: string, request: Omit<MoveCardEvent, 'action'>, services?: Pick<ServicesDeps, 'store'>): Promise<CardView> {
  const now = deps.clock.now();
  const claim = parseClaim(request, now);
  await assertCallerMayTry(deps.store, holder, now);
  if (await deps.store.findCardByHolder(holder)) throw new EidError('MOVE_NOT_NEEDED');

  const idIndex = deps.pii.index(claim.idNumber);
  const { faceSessionId, liveness, faceCapture } = request;
  await passFaceCheck(deps, { holder, claim, idIndex, faceSessionId, liveness, faceCapture }, now);

  const held = await deps.store.findLiveCardByIdIndex(idIndex);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  if ((await deps.store.countMoves(idIndex, new Date(now.getTime() - CARD_MOVE_WINDOW_DAYS * DAY_MS))) >= CARD_MOVE_LIMIT) {
    throw new EidError('MOVE_LIMITED');
  }
  const identity = sealIdentity(deps.pii, { id: deps.random.token(16), idIndex, ...claim, createdAt: now });
  // Decided on the old card as it is now: one revoked meanwhile is refused as such, one reported lost
  // still moves, one upgraded meanwhile moves as colour.
  return onCurrentCard(deps, held.card, async (from) => {
    nextStatus(from, 'move', now);
    const card = newCardFor(deps, holder, identity.id, from.level, now);
    const move = { fromCardId: from.id, fromHolder: from.holder, toCardId: card.id, idIndex, at: now };
    try {
      if (!(await deps.store.moveCard({ cardId: from.id, expected: from }, identity, card, move))) return undefined;
    } catch (error) {
      if (error instanceof CardConflict) throw new EidError('CARD_EXISTS', { reason: error.by });
      throw error;
    }
    // The old card's services records follow it, as at a revocation: the new card asks partners afresh.
    await services?.store.forgetCard(from.id, now);
    return toCardView({ card, identity }, deps.pii);
  });
}

/** This account's new card: the level the old one has, a full validity from now, signed. */
function newCardFor(deps: Deps, holder: string, identityId: string, level: CardRecord['level'], now: Date): CardRecord {
  const id = deps.random.token(16);
  const expiresAt = cardValidityFrom(now);
  const { keyId, signature } = deps.cardSigner.sign({ cardId: id, level, issuedAt: now, expiresAt });
  return { id, identityId, holder, level, status: 'active', issuedAt: now, expiresAt, keyId, signature };
}
