/** Simulator: verify as the emulator's SIMULATED demo terminal (emulator-only route /dev/verify-as-demo-terminal). */
import type { Result, VerificationView } from '../../core/api';
import type { Scene } from '../../core/scenes';

export async function verifyAtCounter(request: { token: string; scene: Scene }): Promise<Result<VerificationView>> {
  const response = await fetch('/dev/verify-as-demo-terminal', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`Emulator answered HTTP ${response.status}`);
  return (await response.json()) as Result<VerificationView>;
}
