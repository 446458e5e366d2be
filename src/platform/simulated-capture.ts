/**
 * What a face check sends as `faceCapture` until a face verification adapter
 * exists: a marker, never an image. The id only tells attempts apart in logs
 * of the simulated authority.
 */
import { SIMULATED_CAPTURE_PREFIX } from '../../core/liveness';
import { randomHex } from './random-hex';

export function simulatedCapture(): string {
  return SIMULATED_CAPTURE_PREFIX + randomHex(12);
}
