/** Deployable entry of the partner function (no actions deployed yet); bundled into index.js. */
import { assertionsOnly } from '../../server/deploy/caller-identity';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { createFunctionWithoutActions } from '../../server/functions/not-yet-open';

export const main = deployedEntry('partner', (log) => createFunctionWithoutActions(log), assertionsOnly);
