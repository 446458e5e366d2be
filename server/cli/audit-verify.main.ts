/**
 * Process wiring for `npm run audit:verify`: the emulator's SQLite store and
 * development issuer keys of the data folder, or the deployed CloudBase
 * database and issuer key from the environment; files or URLs for
 * `--published`; the wall clock.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudBaseStore } from '../adapters/cloudbase/cloudbase-store';
import { developmentKeys, storeKeysFromEnvironment } from '../adapters/keys/key-material';
import { SqliteStore } from '../adapters/sqlite/sqlite-store';
import { ENV_ID_VARIABLE } from '../../scripts/cloudbaserc';
import { runAuditVerify, type AuditTarget } from './audit-verify';

const CLOUDBASE_VARIABLES = [ENV_ID_VARIABLE, 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

async function open({ dataDir, store }: { dataDir: string; store: string }): Promise<AuditTarget | string> {
  if (store === 'cloudbase') {
    const missing = CLOUDBASE_VARIABLES.filter((name) => !process.env[name]);
    if (missing.length) return `not set: ${missing.join(', ')} (the CloudBase environment and a key that may read it)`;
    const { [ENV_ID_VARIABLE]: env, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env;
    return { store: CloudBaseStore.open({ env, secretId, secretKey }), issuer: storeKeysFromEnvironment(process.env).issuer, label: `CloudBase ${env}` };
  }
  if (store !== 'sqlite') return `--store is sqlite (the default) or cloudbase, not ${store}`;
  const file = join(dataDir, 'eid.sqlite');
  if (!existsSync(file)) return `no store at ${file}: start the emulator once, or name its folder with --data-dir`;
  return { store: SqliteStore.open(file), issuer: developmentKeys(dataDir).issuer, label: file };
}

async function read(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFileSync(source, 'utf8');
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return response.text();
}

runAuditVerify(process.argv.slice(2), { out: (line) => console.log(line), open, read, now: () => new Date() }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
