/**
 * The card password's hash: scrypt with a random salt per hash. The
 * parameters are named here and written into every hash, so they can be
 * raised later and old hashes still verify. N = 2^15, r = 8 costs 32 MiB and
 * 74 to 120 ms per hash on the development machine, as busy as it is
 * (`npm run bench` measures it: passwordHashMs in bench/results.json), so an
 * upgrade, which pays one verify, stays under 300 ms.
 *
 * That cost does not make offline guessing hopeless, and is not what protects
 * the password: an 8-digit password has at most 10^8 values, so a stolen hash
 * falls to 10^8 × 74 ms ≈ 7.4 × 10^6 s ≈ 86 CPU-days at worst (on one core of this machine), half that on
 * average, and a day or so on a hundred cores. The protection is elsewhere:
 * - the salt is random per hash, so each card's hash is guessed on its own
 *   (no precomputed table, no one run against all cards);
 * - online, CARD_PASSWORD_MAX_TRIES wrong tries lock the password for
 *   CARD_PASSWORD_LOCK_SECONDS (core/policy.ts): five guesses a day, each at
 *   a registered upgrade terminal holding a live upgrade code of the holder;
 * - hashes never leave the server: no answer, log or error carries one, and
 *   revoking a card deletes its hash. Stealing one means stealing the store.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../domain/ports';

export const SCRYPT_PARAMETERS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  // maxmem: scrypt needs 128 · N · r bytes; Node's default ceiling is exactly 32 MiB, so leave room.
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly parameters: { N: number; r: number; p: number; keyLength: number; saltLength: number } = SCRYPT_PARAMETERS) {}

  async hash(password: string): Promise<string> {
    const { N, r, p, keyLength, saltLength } = this.parameters;
    const salt = randomBytes(saltLength);
    const key = await derive(password, salt, keyLength, { N, r, p });
    return [PREFIX, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [prefix, n, r, p, salt, key] = stored.split('$');
    if (prefix !== PREFIX || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64url');
    const actual = await derive(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return timingSafeEqual(actual, expected);
  }
}
