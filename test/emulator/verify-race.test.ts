/**
 * The one-time-use race over HTTP against the emulator process: 100
 * concurrent verifications of one token → exactly one success, 99 CODE_USED,
 * exactly one usage record.
 */
import { withTerminalAssertion } from '../../server/clients/assertions';
import { startEmulator, type RunningEmulator } from '../support/emulator-process';
import { enrollOverHttp, post } from '../support/http-citizen';
import { loadDemoTerminal } from '../../server/clients/demo-terminal-key';
import { personFor, typed } from '../support/people';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

it('lets exactly one of 100 racing verifiers use a code', async () => {
  const base = emulator.baseUrl;
  expect((await enrollOverHttp(base, 'dev-racer', typed(personFor('ordinary')))).ok).toBe(true);
  const presented = await post(base, '/fn/citizen', { action: 'present', scene: 'hotel' }, 'dev-racer');
  if (!presented.ok) throw new Error(presented.code);
  const request = withTerminalAssertion(loadDemoTerminal(emulator.dataDir), new Date(), { action: 'verify', token: presented.token as string, scene: 'hotel' });

  const results = await Promise.all(Array.from({ length: 100 }, () => post(base, '/fn/verifier', request)));
  const codes = results.map((r) => (r.ok ? 'ok' : r.code));
  expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
  expect(codes.filter((c) => c === 'CODE_USED')).toHaveLength(99);

  const usage = await post(base, '/fn/citizen', { action: 'listUsage' }, 'dev-racer');
  expect(usage).toMatchObject({ ok: true, usages: [{ scene: 'hotel' }], nextBefore: null });
});
