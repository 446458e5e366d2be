/**
 * Emulator-only routes under /dev/, for the simulator's convenience; never
 * deployed. `verify-as-demo-terminal` lets the h5 staff page verify a token as
 * the SIMULATED demo terminal: the emulator signs the terminal assertion for
 * this token and scene and calls the very same verifier function a real
 * terminal calls.
 */
import type { VerifyEvent } from '../../core/schemas';
import type { Clock } from '../domain/ports';
import type { CloudFunction } from '../functions/boundary';
import { withTerminalAssertion, type TerminalCredential } from '../clients/assertions';

export function devRoutes(verifier: CloudFunction, demo: TerminalCredential, clock: Clock): Record<string, CloudFunction> {
  return {
    'verify-as-demo-terminal': (body) => {
      const { token, scene } = (body && typeof body === 'object' ? body : {}) as { token?: unknown; scene?: unknown };
      // Unchecked here: the verifier's schema refuses a missing or malformed token or scene before it reads the assertion.
      const request = { action: 'verify', token, scene } as Pick<VerifyEvent, 'action' | 'token' | 'scene'>;
      return verifier(withTerminalAssertion(demo, clock.now(), request), {});
    },
  };
}
