/** Deployable entry of the verifier function; `npm run build:functions` bundles it into index.js. */
import { assertionsOnly } from '../../server/deploy/caller-identity';
import { deployedDeps } from '../../server/deploy/deployed-deps';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { createVerifierFunction } from '../../server/functions/verifier';

export const main = deployedEntry(
  'verifier',
  (log) => {
    const { deps, keys } = deployedDeps('verifier', process.env);
    return createVerifierFunction(deps, keys, log);
  },
  assertionsOnly,
);
