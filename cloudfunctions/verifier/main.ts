/** Deployable entry of the verifier function; `npm run build:functions` bundles it into index.js. */
import { deployedEntry } from '../../server/deploy/deployed-function';

export const main = deployedEntry('verifier');
