/**
 * How the staff page verifies a scanned code. A counter terminal signs its
 * requests with its own registered key; the mini-program holds no such key,
 * so only the simulator (h5) can verify, as its SIMULATED demo terminal.
 */
import type { Result, VerificationView } from '../../core/api';
import { failure } from '../../core/failure';
import type { Scene } from '../../core/scenes';

export async function verifyAtCounter(_request: { token: string; scene: Scene }): Promise<Result<VerificationView>> {
  return failure('VERIFIER_UNKNOWN', { reason: 'no_terminal_credential' });
}
