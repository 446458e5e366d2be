/** Deployable entry of the partner function (no actions until the services journey); bundled into index.js. */
import { deployedEntry } from '../../server/deploy/deployed-function';
import { createFunctionWithoutActions } from '../../server/functions/not-yet-open';

export const main = deployedEntry('partner', (log) => createFunctionWithoutActions(log));
