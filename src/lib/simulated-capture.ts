import { randomHex } from './random-hex';

/**
 * What a face check sends as `faceCapture` until a face verification adapter
 * exists: a marker, never an image. The id only tells attempts apart in logs
 * of the simulated authority.
 */
export function simulatedCapture(): string {
  return 'simulated-capture:' + randomHex(12);
}
