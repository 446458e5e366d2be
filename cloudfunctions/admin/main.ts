/** Deployable entry of the admin function, with its prune timer; `npm run build:functions` bundles it into index.js. */
import { assertionsOnly } from '../../server/deploy/caller-identity';
import { deployedAdminKey, deployedDeps } from '../../server/deploy/deployed-deps';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { adminTimers, firedByTimer, withTimers } from '../../server/deploy/timers';
import { createAdminFunction } from '../../server/functions/admin';

export const main = deployedEntry(
  'admin',
  (log) => {
    const { deps } = deployedDeps('admin', process.env);
    return withTimers(createAdminFunction(deps, deployedAdminKey(process.env), log), adminTimers(deps), firedByTimer, log);
  },
  assertionsOnly,
);
