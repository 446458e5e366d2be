/** Deployable entry of the partner function (tile submissions, code exchange); `npm run build:functions` bundles it into index.js. */
import { assertionsOnly } from '../../server/deploy/caller-identity';
import { deployedDeps, deployedServices } from '../../server/deploy/deployed-deps';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { createPartnerFunction } from '../../server/functions/partner';

export const main = deployedEntry(
  'partner',
  (log) => {
    const composition = deployedDeps('partner', process.env);
    return createPartnerFunction(composition.deps, deployedServices('partner', process.env, composition), log);
  },
  assertionsOnly,
);
