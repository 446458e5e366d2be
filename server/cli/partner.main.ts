/** `npm run partner`: see partner.ts. */
import { runPartnerCli } from './partner';
import { runFunctionCli } from './run-function-cli';

runFunctionCli('partner', runPartnerCli);
