/**
 * Applies one transition of the state machine (card-lifecycle.ts) to the
 * store, and answers the card as it wrote it. The store's compare-and-set
 * writes only if the card is still in the state the decision was made on,
 * level and validity included; when another change won the race, the machine
 * decides again on what that change wrote, so a second "report lost" is
 * refused with CARD_ALREADY_SUSPENDED and a second renewal with
 * RENEWAL_NOT_OPEN, exactly as if they had come later. What is written
 * besides the status is made again from the card as it is then: a renewal
 * signs the level an upgrade just wrote, an upgrade the validity a renewal
 * just wrote, so the signature always covers the card it is stored with.
 */
import type { CardTransition } from '../../core/card';
import { EidError } from '../../core/errors';
import { nextStatus } from './card-lifecycle';
import type { Deps } from './deps';
import { passHolderFaceCheck, type FaceProof } from './reauth';
import type { CardChange, CardRecord, HeldCard } from './store';

/**
 * The holder's card, once the state machine allows `transition` and a fresh
 * face check of the holder passed. The machine is asked first, so a card that
 * cannot make the transition costs the caller no face attempt.
 */
export async function cardReadyFor(deps: Deps, holder: string, transition: CardTransition, proof: FaceProof, now: Date): Promise<HeldCard> {
  const held = await deps.store.findCardByHolder(holder);
  if (!held) throw new EidError('CARD_NOT_FOUND');
  nextStatus(held.card, transition, now);
  await passHolderFaceCheck(deps, holder, held, proof, now);
  return held;
}

/** How many times a use case decides again after losing a compare-and-set race before it gives up (INTERNAL). */
export const MAX_DECISIONS = 3;

/**
 * Decides on the card and writes, deciding again on the card as it is now
 * whenever a racing change won the store's compare-and-set (`attempt`
 * answers undefined): each decision reads the state machine afresh, so a
 * transition refused by what the racing change wrote is refused with its own
 * code. At most MAX_DECISIONS times, then INTERNAL.
 */
export async function onCurrentCard<T>(deps: Deps, card: CardRecord, attempt: (current: CardRecord) => Promise<T | undefined>): Promise<T> {
  let current = card;
  for (let decision = 1; ; decision++) {
    const written = await attempt(current);
    if (written !== undefined) return written;
    if (decision === MAX_DECISIONS) throw new EidError('INTERNAL');
    const reread = await deps.store.getHeldCard(current.id);
    if (!reread) throw new EidError('CARD_NOT_FOUND');
    current = reread.card;
  }
}

/** What a transition writes besides the status, made from the card it is decided on. */
export type CardWrite = (current: CardRecord) => Omit<CardChange, 'status' | 'at'>;

export function changeCardState(deps: Deps, card: CardRecord, transition: CardTransition, now: Date, write: CardWrite = () => ({})): Promise<CardRecord> {
  return onCurrentCard(deps, card, async (current) => {
    const status = nextStatus(current, transition, now);
    const { renewal, upgrade } = write(current);
    return (await deps.store.changeCard(current.id, current, { status, renewal, upgrade, at: now })) ? { ...current, ...renewal, ...upgrade, status } : undefined;
  });
}
