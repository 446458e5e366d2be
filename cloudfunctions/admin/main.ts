/** Deployable entry of the admin function, with its prune and audit-checkpoint timers; `npm run build:functions` bundles it into index.js. */
import { assertionsOnly } from '../../server/deploy/caller-identity';
import { deployedAdminKey, deployedDeps, deployedServices } from '../../server/deploy/deployed-deps';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { adminTimers, firedByTimer, withTimers } from '../../server/deploy/timers';
import { createAdminFunction } from '../../server/functions/admin';

export const main = deployedEntry(
  'admin',
  (log) => {
    const composition = deployedDeps('admin', process.env);
    const services = deployedServices('admin', process.env, composition);
    return withTimers(createAdminFunction(composition.deps, deployedAdminKey(process.env), log, services), adminTimers(composition.deps, composition.keys.issuer.current, services), firedByTimer, log);
  },
  assertionsOnly,
);
