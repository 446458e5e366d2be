/** Puts a card into a status at `at` through the store's one lifecycle write, as the use cases do (revoking shreds and redacts), for tests that need a state quickly. */
import type { CardStatus } from '../../core/card';
import type { Store } from '../../server/domain/store';

export async function changeStatus(store: Store, cardId: string, status: CardStatus, at: Date): Promise<void> {
  const held = await store.getHeldCard(cardId);
  if (!held || !(await store.changeCard(cardId, held.card, { status, at }))) throw new Error(`card ${cardId} did not change to ${status}`);
}
