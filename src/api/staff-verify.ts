/**
 * How the staff page verifies a scanned code. A counter terminal signs its
 * requests with its own registered key; the mini-program holds no such key,
 * so only the simulator (h5) can verify, as its SIMULATED demo terminal.
 */
import type { Result, VerificationView } from '../../core/api';
import type { Scene } from '../../core/scenes';

export async function verifyAtCounter(_request: { token: string; scene: Scene }): Promise<Result<VerificationView>> {
  return { ok: false, code: 'VERIFIER_UNKNOWN', message: '本设备未登记为核验终端 (This device is not a registered verifier terminal)', reason: 'no_terminal_credential' };
}
