/**
 * `npm run keys -- <command>`: key material for a deployed environment.
 *
 *   new          every key variable, fresh, for a new environment (EID_SERVICES_KEY included)
 *   roll-issuer  a new issuer key; the current one (read from EID_ISSUER_PRIVATE_KEY)
 *                joins EID_ISSUER_PREVIOUS_PUBLIC_KEYS with its retireAt, so cards and codes it
 *                signed still verify until all are past their life; keys already retired leave
 *   roll-admin   a new EID_ADMIN_KEY (admin assertions live two minutes: no overlap needed)
 *   rotate [--data-dir .data]
 *                the emulator's DEVELOPMENT issuer key: a new key signs from now on, the old one
 *                stays in the JWKS until everything it signed is past its life (written to the data folder;
 *                a running emulator rotates in place with the admin action rotateIssuerKey)
 *
 * Secrets go to standard output as NAME=value lines (a PEM on one line, its
 * newlines written as \n), for the key service and nothing else; notes go to
 * standard error. Nothing is written to disk.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_KEY_VARIABLE,
  PREVIOUS_ISSUER_KEYS_VARIABLE,
  developmentKeys,
  freshKeyValues,
  issuerKeyRetireAt,
  pemOf,
  previousIssuerJwk,
  previousIssuerKeysFromEnvironment,
  rotateDevelopmentIssuerKey,
  type PreviousIssuerJwk,
} from '../server/adapters/keys/key-material';
import { keyIdOf } from '../server/adapters/keys/issuer-keys';

export interface CommandOutput {
  stdout: string[];
  stderr: string[];
  exitCode: number;
}

const line = (name: string, value: string) => `${name}=${value.trim().replace(/\n/g, '\\n')}`;
const USAGE = 'usage: npm run keys -- new | roll-issuer | roll-admin | rotate [--data-dir .data]';
const SECRET_NOTE = 'These are secrets: put them into the key service that fills the functions’ environment, never into a file in the repository.';

export function keysCommand(args: readonly string[], env: Record<string, string | undefined>, now = new Date()): CommandOutput {
  const [command] = args;
  if (command === 'new') {
    return {
      stdout: Object.entries(freshKeyValues()).map(([name, value]) => line(name, value)),
      stderr: [
        SECRET_NOTE,
        'EID_PII_ENC_KEY and EID_PII_INDEX_KEY cannot be changed once personal data is stored under them (README: Deploy to CloudBase, rolling keys).',
        'EID_SERVICES_KEY cannot be changed once partners hold pseudonyms: every pairwise subject id is derived from it. Set it in the citizen and partner functions only.',
      ],
      exitCode: 0,
    };
  }
  if (command === 'roll-issuer') {
    const current = env.EID_ISSUER_PRIVATE_KEY;
    if (!current) return { stdout: [], stderr: ['EID_ISSUER_PRIVATE_KEY is not set: roll-issuer reads the current key from the environment.'], exitCode: 2 };
    // The outgoing key verifies what it signed until all of it is past its life (cards live five years; codes a minute).
    const retireAt = issuerKeyRetireAt(now);
    let previous: PreviousIssuerJwk[];
    try {
      const currentPublic = createPublicKey(createPrivateKey(pemOf(current)));
      const kept = previousIssuerKeysFromEnvironment(env).filter(
        (key) => keyIdOf(key.publicKey) !== keyIdOf(currentPublic) && (!key.retireAt || key.retireAt.getTime() > now.getTime()),
      );
      previous = [...kept, { publicKey: currentPublic, retireAt }].map(previousIssuerJwk);
    } catch {
      return { stdout: [], stderr: [`EID_ISSUER_PRIVATE_KEY or ${PREVIOUS_ISSUER_KEYS_VARIABLE} does not hold a usable key.`], exitCode: 2 };
    }
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return {
      stdout: [
        line('EID_ISSUER_PRIVATE_KEY', privateKey.export({ format: 'pem', type: 'pkcs8' }) as string),
        line(PREVIOUS_ISSUER_KEYS_VARIABLE, Buffer.from(JSON.stringify({ keys: previous })).toString('base64')),
      ],
      stderr: [
        SECRET_NOTE,
        `New issuer key id: ${keyIdOf(createPublicKey(privateKey))}. Set both variables in the citizen, verifier, partner and admin functions together.`,
        ...previous.map((key) => `${key.kid} verifies ${key.retireAt ? `until ${key.retireAt}, then leaves the JWKS by itself` : 'until you remove it (set before retireAt was written)'}.`),
        'Keys past their retireAt are dropped here; the functions ignore them from then on.',
      ],
      exitCode: 0,
    };
  }
  if (command === 'rotate') {
    const flag = args.indexOf('--data-dir');
    const dataDir = (flag >= 0 ? args[flag + 1] : undefined) ?? env.EID_DATA_DIR ?? '.data';
    if (!existsSync(join(dataDir, 'keys', 'issuer-es256.pem'))) {
      return { stdout: [], stderr: [`No development keys in ${dataDir}/keys: start the emulator once (npm start), or name its folder with --data-dir.`], exitCode: 2 };
    }
    const rotated = rotateDevelopmentIssuerKey(dataDir, developmentKeys(dataDir).issuer, new Date());
    return {
      stdout: [`rotated the DEVELOPMENT issuer key: ${rotated.retiredKeyId} -> ${rotated.keyId}; ${rotated.retiredKeyId} stays in the JWKS until ${rotated.retireAt}`],
      stderr: ['The emulator reads its keys when it starts: restart it to sign with the new key (or rotate a running one with the admin action rotateIssuerKey).'],
      exitCode: 0,
    };
  }
  if (command === 'roll-admin') {
    return {
      stdout: [line(ADMIN_KEY_VARIABLE, randomBytes(32).toString('base64'))],
      stderr: [SECRET_NOTE, 'Give the new key to the administrators’ tools at the same time: assertions under the old key stop working at once.'],
      exitCode: 0,
    };
  }
  return { stdout: [], stderr: [USAGE], exitCode: 2 };
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const { stdout, stderr, exitCode } = keysCommand(process.argv.slice(2), process.env);
  for (const text of stderr) console.error(text);
  for (const text of stdout) console.log(text);
  process.exitCode = exitCode;
}
