/** Deployable entry of the citizen function; `npm run build:functions` bundles it into index.js. */
import { getWXContext } from 'wx-server-sdk';
import { citizenFromPlatform } from '../../server/deploy/caller-identity';
import { deployedDeps, deployedServices } from '../../server/deploy/deployed-deps';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { createCitizenFunction } from '../../server/functions/citizen';

export const main = deployedEntry(
  'citizen',
  (log) => {
    const composition = deployedDeps('citizen', process.env);
    return createCitizenFunction(composition.deps, log, deployedServices('citizen', process.env, composition));
  },
  citizenFromPlatform(() => getWXContext()),
);
