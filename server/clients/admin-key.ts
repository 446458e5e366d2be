/**
 * The admin key an admin tool signs its HS256 assertions with: EID_ADMIN_KEY
 * (base64) when set, otherwise the emulator's development key in its data
 * folder (`keys/secrets.json`, written on the emulator's first start).
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadAdminKey(env: Record<string, string | undefined>, dataDir: string): KeyObject {
  if (env.EID_ADMIN_KEY) return createSecretKey(Buffer.from(env.EID_ADMIN_KEY, 'base64'));
  const file = join(dataDir, 'keys', 'secrets.json');
  if (!existsSync(file)) throw new Error(`no admin key: set EID_ADMIN_KEY, or start the emulator once so that ${file} exists`);
  const { admin } = JSON.parse(readFileSync(file, 'utf8')) as { admin: string };
  return createSecretKey(Buffer.from(admin, 'base64'));
}
