/**
 * Issue 9: the caller's failure budget is an atomic reserve. Regression test
 * named after the weakness it pins. Real SQLite, the SIMULATED authority, a
 * frozen clock; SYNTHETIC people only.
 */
import { FAILURE_LIMIT } from '../../core/policy';
import { createHarness, faceCheck, type Harness } from '../support/harness';
import { attemptEnroll } from '../support/journeys';
import { personFor, typed } from '../support/people';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

it('overspent failure budget: concurrent checks of one caller cannot all pass the same "fewer than the limit" count', async () => {
  const person = typed(personFor('ordinary'));
  const wrongLiveness = { liveness: { actions: [], digits: '0000' } };
  for (let i = 0; i < FAILURE_LIMIT - 1; i++) await attemptEnroll(h, 'synthetic-caller', person, wrongLiveness);
  expect(h.rowCounts().failures).toBe(FAILURE_LIMIT - 1);

  // One session, three attempts in flight at once: only one place is left in the budget.
  const { answer } = await faceCheck(h, 'synthetic-caller');
  const outcomes = await Promise.all(
    Array.from({ length: 3 }, () => h.call('synthetic-caller', { action: 'enroll', ...person, consent: true, ...answer, ...wrongLiveness })),
  );
  const codes = outcomes.map((o) => (o.ok ? 'ok' : o.code)).sort();
  expect(codes).toEqual(['LIVENESS_FAILED', 'RATE_LIMITED', 'RATE_LIMITED']);
  expect(h.rowCounts().failures).toBe(FAILURE_LIMIT);
});
