/**
 * Check-budget places held in memory, for one process over a store of its
 * own (the emulator: one Node process, one SQLite file). Reserves under one
 * key run one after another, so a count and the place it grants cannot
 * interleave with another reserve; failures themselves stay in the store.
 *
 * Not for the deployed functions: instances share the database but not this
 * memory, so each would grant its own places. The CloudBase store keeps the
 * places in the database instead (server/adapters/cloudbase).
 */
import type { BudgetPlace, CheckBudget } from '../../domain/ports';
import type { Store } from '../../domain/store';

export class InProcessCheckBudget implements CheckBudget {
  private readonly held = new Map<string, number>();
  /** The tail of each key's queue of reserves. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Pick<Store, 'countFailures'>) {}

  reserve(key: string, limit: { since: Date; max: number }): Promise<BudgetPlace | null> {
    const turn = (this.queues.get(key) ?? Promise.resolve()).then(() => this.reserveNow(key, limit));
    const tail = turn.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return turn;
  }

  private async reserveNow(key: string, { since, max }: { since: Date; max: number }): Promise<BudgetPlace | null> {
    const failures = await this.store.countFailures(key, since);
    if (failures + (this.held.get(key) ?? 0) >= max) return null;
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        const left = (this.held.get(key) ?? 1) - 1;
        if (left > 0) this.held.set(key, left);
        else this.held.delete(key);
      },
    };
  }
}
