/** Deployable entry of the verifier function; `npm run build:functions` bundles it into index.js. */
import { deployedDeps, deployedKeys } from '../../server/deploy/deployed-deps';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { createVerifierFunction } from '../../server/functions/verifier';

export const main = deployedEntry('verifier', (log) =>
  createVerifierFunction(deployedDeps(process.env), deployedKeys(process.env).terminalSessionKey, log),
);
