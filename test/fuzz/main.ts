/**
 * `npm run fuzz [-- --events N --http N --seed S]`: the opt-in fuzz run, larger
 * than the bounded one in `npm test`; prints its figures and exits non-zero
 * on any violation. Run with --expose-gc (the npm script does) for a precise heap figure.
 */
import { parseArgs } from 'node:util';
import { formatReport, runFuzz } from './run-fuzz';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '10000' }, http: { type: 'string', default: '500' }, seed: { type: 'string', default: String(Date.now() % 1e6) } },
});

const started = performance.now();
runFuzz({ seed: Number(values.seed), eventsPerFunction: Number(values.events), httpEventsPerFunction: Number(values.http) })
  .then((report) => {
    for (const line of formatReport(report)) console.log(line);
    console.log(`  took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const failed = report.violations.length > 0 || report.heap.deltaMb >= 50;
    process.exit(failed ? 1 : 0);
  })
  .catch((error: unknown) => {
    console.error('the fuzz run could not finish:', error);
    process.exit(2);
  });
