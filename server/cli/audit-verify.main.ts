/** Process wiring for `npm run audit:verify`: the emulator's development issuer keys of the data folder, the wall clock. */
import { developmentKeys } from '../adapters/keys/key-material';
import { runAuditVerify } from './audit-verify';

try {
  process.exit(runAuditVerify(process.argv.slice(2), { out: (line) => console.log(line), issuer: (dataDir) => developmentKeys(dataDir).issuer, now: () => new Date() }));
} catch (error) {
  console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
