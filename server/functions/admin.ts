/** The admin function: onboarding terminals (later: partners, tiles, key rotation). */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { EidError } from '../../core/errors';
import { adminEvent } from '../../core/schemas';
import type { Deps } from '../domain/deps';
import { registerTerminal, setTerminalEnabled } from '../domain/terminals';
import { adminAuthenticator } from './auth/admin-assertions';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';

/** A JWK of the right shape can still name a point off the curve: parse it now, not at the terminal's first verification. */
function assertUsablePublicKey(jwk: JsonWebKey): void {
  try {
    createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    throw new EidError('INVALID_INPUT', { reason: 'public_key', details: { field: 'publicKeyJwk' } });
  }
}

export function createAdminFunction(deps: Deps, adminKey: KeyObject, log: Logger): CloudFunction {
  const authenticate = adminAuthenticator(adminKey, deps.clock);
  return atBoundary(log, async (event) => {
    const request = parseEvent(adminEvent, event);
    authenticate(request.assertion);
    switch (request.action) {
      case 'registerTerminal':
        assertUsablePublicKey(request.publicKeyJwk);
        return registerTerminal(deps, request);
      case 'setTerminalEnabled':
        return setTerminalEnabled(deps, request.terminalId, request.enabled);
    }
  });
}
