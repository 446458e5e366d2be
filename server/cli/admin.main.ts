/** `npm run admin`: see admin.ts. */
import { runAdminCli } from './admin';
import { runFunctionCli } from './run-function-cli';

runFunctionCli('admin', runAdminCli);
