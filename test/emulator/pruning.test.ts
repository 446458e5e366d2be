/** Issue 11, unbounded face sessions: the emulator prunes on start and then on a timer, and a failed run is logged, not fatal. */
import { PRUNE_INTERVAL_SECONDS } from '../../core/policy';
import { startPruning } from '../../server/emulator/pruning';

const removedNothing = { faceSessions: 0, failures: 0, spentTokens: 0, terminalProofs: 0 };

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('unbounded face sessions: the emulator prunes once on start, then every PRUNE_INTERVAL_SECONDS until stopped', async () => {
  const prune = jest.fn(async () => removedNothing);
  const logged: string[] = [];
  const stop = startPruning(prune, { info: (m) => logged.push(m), error: (m) => logged.push(m) });
  expect(prune).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(PRUNE_INTERVAL_SECONDS * 1000 - 1);
  expect(prune).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(1);
  expect(prune).toHaveBeenCalledTimes(2);
  jest.advanceTimersByTime(PRUNE_INTERVAL_SECONDS * 1000);
  expect(prune).toHaveBeenCalledTimes(3);
  stop();
  jest.advanceTimersByTime(10 * PRUNE_INTERVAL_SECONDS * 1000);
  expect(prune).toHaveBeenCalledTimes(3);
  await Promise.resolve();
  expect(logged).toContain('pruned expired rows');
});

it('unbounded face sessions: a failed pruning run is logged by type only and the next one still runs', async () => {
  const prune = jest.fn().mockRejectedValueOnce(new RangeError('database said: 110105199003071239')).mockResolvedValue(removedNothing);
  const logged: string[] = [];
  const stop = startPruning(prune, { info: () => undefined, error: (m, f) => logged.push(`${m} ${JSON.stringify(f)}`) });
  await Promise.resolve();
  await Promise.resolve();
  expect(logged).toEqual(['pruning failed {"type":"RangeError"}']);
  jest.advanceTimersByTime(PRUNE_INTERVAL_SECONDS * 1000);
  expect(prune).toHaveBeenCalledTimes(2);
  stop();
});
