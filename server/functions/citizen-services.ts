/** The citizen function's services actions (journey 5): one use case each, once the services are composed. */
import { EidError } from '../../core/errors';
import type { CitizenServicesEvent } from '../../core/services-schemas';
import type { Deps } from '../domain/deps';
import type { ServicesDeps } from '../domain/services-deps';
import { authorize } from '../domain/services/authorize';
import { listGrants, revokeGrant } from '../domain/services/grants';
import { listExchanges } from '../domain/services/list-exchanges';
import { listServices } from '../domain/services/list-services';
import { getTileConsent } from '../domain/services/tile-consent';

export async function citizenServicesAction(deps: Deps, services: ServicesDeps | undefined, holder: string, request: CitizenServicesEvent): Promise<object> {
  if (!services) throw new EidError('INTERNAL', { reason: 'not_configured' });
  switch (request.action) {
    case 'listServices':
      return listServices(deps, services, holder, request);
    case 'getTileConsent':
      return getTileConsent(deps, services, holder, request.tileId);
    case 'authorize':
      return authorize(deps, services, holder, request);
    case 'listGrants':
      return listGrants(deps, services, holder);
    case 'revokeGrant':
      return revokeGrant(deps, services, holder, request.grantId);
    case 'listExchanges':
      return listExchanges(deps, services, holder, request);
  }
}
