/**
 * When the emulator prunes (server/domain/prune.ts): once on start, for
 * whatever an earlier run left, then every PRUNE_INTERVAL_SECONDS. A timer,
 * not the request path, so that no citizen's call waits on a delete and the
 * tables stay bounded also while nobody calls; between two runs they grow by
 * at most what the per-caller limits allow. The timer does not keep the
 * process alive.
 */
import { PRUNE_INTERVAL_SECONDS } from '../../core/policy';
import type { PruneCounts } from '../domain/store';
import type { Logger } from '../functions/boundary';

export function startPruning(prune: () => Promise<PruneCounts>, log: Logger, everyMs = PRUNE_INTERVAL_SECONDS * 1000): () => void {
  return startRepeating('pruning', async () => log.info('pruned expired rows', { ...(await prune()) }), log, everyMs);
}

/** Runs `task` now and every `everyMs`, logging a failure by its type only; the timer does not keep the process alive. */
export function startRepeating(name: string, task: () => Promise<void>, log: Logger, everyMs: number): () => void {
  const run = () => {
    task().catch((error: unknown) => log.error(`${name} failed`, { type: error instanceof Error ? error.name : typeof error }));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
