/** Use cases: an admin onboards partners, lists them, and suspends or reinstates one. */
import { EidError } from '../../../core/errors';
import type { PartnerView } from '../../../core/services-api';
import { ALWAYS_GRANTED_SCOPES, orderedScopes, type PartnerStatus } from '../../../core/services';
import type { OnboardPartnerEvent } from '../../../core/services-schemas';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import { PartnerConflict } from '../services-store';
import { partnerView } from './tile-views';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

export async function onboardPartner(
  deps: Pick<Deps, 'clock' | 'random'>,
  services: ServicesDeps,
  request: Omit<OnboardPartnerEvent, 'action' | 'assertion'>,
): Promise<{ partnerId: string }> {
  const domains = [...new Set(request.domains)];
  const loopback = domains.findIndex(isLoopbackHost);
  if (loopback >= 0 && !services.allowLoopbackTargets) {
    throw new EidError('INVALID_INPUT', { reason: 'loopback', details: { field: `domains.${loopback}` } });
  }
  const partnerId = `pt_${deps.random.token(12)}`;
  try {
    await services.store.insertPartner({
      id: partnerId,
      name: request.name.trim(),
      creditCode: request.creditCode,
      contact: request.contact.trim(),
      scopes: orderedScopes([...ALWAYS_GRANTED_SCOPES, ...request.scopes]),
      domains,
      appIds: [...new Set(request.appIds)],
      publicKeyJwk: request.publicKeyJwk,
      status: 'active',
      createdAt: deps.clock.now(),
    });
  } catch (error) {
    if (error instanceof PartnerConflict) throw new EidError('PARTNER_EXISTS');
    throw error;
  }
  return { partnerId };
}

export async function listPartners(services: ServicesDeps): Promise<{ partners: PartnerView[] }> {
  return { partners: (await services.store.listPartners()).map(partnerView) };
}

/** Suspending a partner hides its tiles and refuses its calls and codes at once; `active` reinstates it. */
export async function setPartnerStatus(services: ServicesDeps, partnerId: string, status: PartnerStatus) {
  if (!(await services.store.setPartnerStatus(partnerId, status))) throw new EidError('PARTNER_NOT_FOUND');
  return { partnerId, status };
}
