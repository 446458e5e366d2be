/**
 * The bounded fuzz run of `npm test` (issue 11): 2,000 seeded hostile events
 * per function, and a sample over HTTP. `npm run fuzz` runs the same checks
 * with 10,000+ per function and prints the figures. The events are mutations
 * of valid events of every action each function's schema accepts (the card's
 * life, the upgrade, the services journey included), and every action must
 * reach its use case, so none is fuzzed at the boundary only.
 */
import type { FunctionName } from '../../core/api';
import { adminEvent, citizenEvent, verifierEvent } from '../../core/schemas';
import { partnerEvent } from '../../core/services-schemas';
import { formatReport, runFuzz, type FuzzReport } from './run-fuzz';

/** Every action each function accepts, read from its one schema. */
const ACCEPTED: Record<FunctionName, string[]> = {
  citizen: citizenEvent.options.map((option) => option.shape.action.value),
  verifier: verifierEvent.options.map((option) => option.shape.action.value),
  partner: partnerEvent.options.map((option) => option.shape.action.value),
  admin: adminEvent.options.map((option) => option.shape.action.value),
};

let report: FuzzReport;
beforeAll(async () => {
  report = await runFuzz({ seed: 11, eventsPerFunction: 2000, httpEventsPerFunction: 40 });
}, 60000);

it('fuzz: 2,000 hostile events per function get only well-formed answers, no throw, no 5xx, none over 2 s, no rows from rejected events, bounded heap', () => {
  const figures = formatReport(report).join('\n');
  expect({ violations: report.violations, figures }).toEqual({ violations: [], figures });
  expect(report.heap.deltaMb).toBeLessThan(50);
  for (const figures of Object.values(report.direct)) {
    expect(figures.events).toBe(2000);
    expect(figures.rejected).toBeGreaterThan(0);
  }
  // The valid events get through too: the fuzz reaches past the boundary into the use cases.
  expect(report.direct.citizen.ok).toBeGreaterThan(100);
  expect(report.direct.verifier.ok).toBeGreaterThan(0);
  expect(report.direct.partner.ok).toBeGreaterThan(0);
  expect(report.direct.admin.ok).toBeGreaterThan(0);
  expect(Object.keys(report.http.byStatus).every((status) => Number(status) < 500)).toBe(true);
});

it.each(Object.keys(ACCEPTED) as FunctionName[])('fuzz: every action the %s function accepts gets hostile events, and each reaches its use case at least once', (fn) => {
  const actions = report.actions[fn];
  expect(Object.keys(actions).sort()).toEqual([...ACCEPTED[fn]].sort());
  const thin = Object.entries(actions).filter(([, a]) => a.sent < 10 || a.ok === 0);
  expect(thin).toEqual([]);
});
