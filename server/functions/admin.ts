/** The admin function: onboarding terminals, the upgrade terminal directory, partners and their tiles (admin-services.ts); later key rotation. */
import type { KeyObject } from 'node:crypto';
import { EidError } from '../../core/errors';
import { adminEvent } from '../../core/schemas';
import type { Deps } from '../domain/deps';
import type { ServicesDeps } from '../domain/services-deps';
import { registerTerminal, setTerminalEnabled } from '../domain/terminals';
import { putUpgradeSite } from '../domain/upgrade-directory';
import { adminServicesAction } from './admin-services';
import { ADMIN_ASSERTION_ISSUER, adminAuthenticator, spendInProcess } from './auth/admin-assertions';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';
import { assertUsablePublicKey } from './public-key';

/**
 * Rotates the issuer key where this runtime holds it (the emulator's development keys); a deployment's
 * keys come from its key service, rotated with `npm run keys -- roll-issuer`.
 */
export type RotateIssuerKey = () => { keyId: string; retiredKeyId: string; retireAt: string };

/**
 * `services`: the services journey's dependencies; without them its actions answer INTERNAL/not_configured.
 * `rotateIssuerKey`: likewise for the rotation.
 */
export function createAdminFunction(deps: Deps, adminKey: KeyObject, log: Logger, services?: ServicesDeps, rotateIssuerKey?: RotateIssuerKey): CloudFunction {
  const spend = services
    ? (jti: string, keptUntil: Date) => services.store.spendPartnerAssertion(ADMIN_ASSERTION_ISSUER, jti, keptUntil)
    : spendInProcess(deps.clock);
  const authenticate = adminAuthenticator(adminKey, deps.clock, spend);
  return atBoundary(log, async (event) => {
    const request = parseEvent(adminEvent, event);
    await authenticate(request.assertion);
    switch (request.action) {
      case 'registerTerminal':
        assertUsablePublicKey(request.publicKeyJwk);
        return registerTerminal(deps, request);
      case 'setTerminalEnabled':
        return setTerminalEnabled(deps, request.terminalId, request.enabled);
      case 'putUpgradeSite':
        return putUpgradeSite(deps, request);
      case 'rotateIssuerKey':
        if (!rotateIssuerKey) throw new EidError('INTERNAL', { reason: 'not_configured' });
        return rotateIssuerKey();
      default:
        return adminServicesAction(deps, services, request);
    }
  });
}
