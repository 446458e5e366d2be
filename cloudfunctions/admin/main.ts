/** Deployable entry of the admin function; `npm run build:functions` bundles it into index.js. */
import { deployedDeps, deployedKeys } from '../../server/deploy/deployed-deps';
import { deployedEntry } from '../../server/deploy/deployed-function';
import { createAdminFunction } from '../../server/functions/admin';

export const main = deployedEntry('admin', (log) => createAdminFunction(deployedDeps(process.env), deployedKeys(process.env).adminKey, log));
