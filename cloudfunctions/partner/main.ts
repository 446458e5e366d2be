/** Deployable entry of the partner function; `npm run build:functions` bundles it into index.js. */
import { deployedEntry } from '../../server/deploy/deployed-function';

export const main = deployedEntry('partner');
