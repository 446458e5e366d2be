/** The admin function: onboarding verifier terminals (later: partners, tiles, key rotation). */
import type { KeyObject } from 'node:crypto';
import { adminEvent } from '../../core/schemas';
import type { Deps } from '../domain/deps';
import { registerVerifier, setVerifierEnabled } from '../domain/terminals';
import { adminAuthenticator } from './auth/admin-assertions';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';

export function createAdminFunction(deps: Deps, adminKey: KeyObject, log: Logger): CloudFunction {
  const authenticate = adminAuthenticator(adminKey, deps.clock);
  return atBoundary(log, async (event) => {
    const request = parseEvent(adminEvent, event);
    authenticate(request.assertion);
    switch (request.action) {
      case 'registerVerifier':
        return registerVerifier(deps, request);
      case 'setVerifierEnabled':
        return setVerifierEnabled(deps, request.terminalId, request.enabled);
    }
  });
}
