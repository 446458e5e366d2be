/**
 * The bounded fuzz run of `npm test` (issue 11): 2,000 seeded hostile events
 * per function, and a sample over HTTP. `npm run fuzz` runs the same checks
 * with 10,000+ per function and prints the figures.
 */
import { formatReport, runFuzz } from './run-fuzz';

it('fuzz: 2,000 hostile events per function get only well-formed answers, no throw, no 5xx, none over 2 s, no rows from rejected events, bounded heap', async () => {
  const report = await runFuzz({ seed: 11, eventsPerFunction: 2000, httpEventsPerFunction: 40 });
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
  expect(report.direct.admin.ok).toBeGreaterThan(0);
  expect(Object.keys(report.http.byStatus).every((status) => Number(status) < 500)).toBe(true);
}, 60000);
