/** The real clock and randomness, for the emulator and deployed functions. */
import { randomBytes, randomInt } from 'node:crypto';
import type { Clock, Random } from '../domain/ports';

export const systemClock: Clock = { now: () => new Date() };

export const cryptoRandom: Random = {
  bytes: (count) => new Uint8Array(randomBytes(count)),
  token: (count) => randomBytes(count).toString('base64url'),
  int: (max) => randomInt(max),
};
