/**
 * Emulator-only routes under /dev/, for the simulator's convenience; never
 * deployed. `verify-as-demo-terminal` lets the h5 staff page verify a token as
 * the SIMULATED demo terminal, and `upgrade-as-demo-terminal` lets the h5
 * upgrade terminal page submit an upgrade as the SIMULATED upgrade terminal:
 * the emulator signs the terminal assertion for this very request and calls
 * the very same verifier function a real terminal calls. Each call gets a
 * fresh assertion, as each upgrade proof counts once.
 */
import type { UpgradeEvent, VerifyEvent } from '../../core/schemas';
import type { Clock } from '../domain/ports';
import type { CloudFunction } from '../functions/boundary';
import { withTerminalAssertion, type TerminalCredential } from '../clients/assertions';

/** The SIMULATED terminals the routes act as: the counter's verifier and the colour upgrade terminal. */
export interface DemoTerminals {
  verifier: TerminalCredential;
  upgrader: TerminalCredential;
}

const fieldsOf = (body: unknown): Record<string, unknown> => (body && typeof body === 'object' ? (body as Record<string, unknown>) : {});

export function devRoutes(verifier: CloudFunction, demo: DemoTerminals, clock: Clock): Record<string, CloudFunction> {
  return {
    'verify-as-demo-terminal': (body) => {
      const { token, scene } = fieldsOf(body);
      // Unchecked here: the verifier's schema refuses a missing or malformed token or scene before it reads the assertion.
      const request = { action: 'verify', token, scene } as Pick<VerifyEvent, 'action' | 'token' | 'scene'>;
      return verifier(withTerminalAssertion(demo.verifier, clock.now(), request), {});
    },
    'upgrade-as-demo-terminal': (body) => {
      const { token, password, inPersonCheck } = fieldsOf(body);
      // Unchecked here too: the verifier's schema refuses a malformed token, password or in-person check
      // (one that is not an object is sent as an empty one, which it refuses as well, so signing never reads a field of null).
      const request = { action: 'upgrade', token, inPersonCheck: fieldsOf(inPersonCheck), password } as Pick<UpgradeEvent, 'action' | 'token' | 'inPersonCheck' | 'password'>;
      return verifier(withTerminalAssertion(demo.upgrader, clock.now(), request), {});
    },
  };
}
