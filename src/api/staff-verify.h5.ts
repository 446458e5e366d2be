/** Simulator: verify as the emulator's SIMULATED demo terminal (emulator-only route /dev/verify-as-demo-terminal). */
import type { Result, VerificationView } from '../../core/api';
import type { Scene } from '../../core/scenes';
import { postDevRoute } from './dev-route.h5';

export function verifyAtCounter(request: { token: string; scene: Scene }): Promise<Result<VerificationView>> {
  return postDevRoute<VerificationView>('verify-as-demo-terminal', request);
}
