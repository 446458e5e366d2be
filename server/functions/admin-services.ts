/** The admin function's services actions: onboarding partners and reviewing their tiles. */
import { EidError } from '../../core/errors';
import type { AdminServicesEvent } from '../../core/services-schemas';
import type { Deps } from '../domain/deps';
import type { ServicesDeps } from '../domain/services-deps';
import { listPartners, onboardPartner, setPartnerStatus } from '../domain/services/partners';
import { approveTile, listTilesForAdmin, rejectTile, suspendTile } from '../domain/services/review-tile';
import { assertUsablePublicKey } from './public-key';

export async function adminServicesAction(deps: Deps, services: ServicesDeps | undefined, request: AdminServicesEvent): Promise<object> {
  if (!services) throw new EidError('INTERNAL', { reason: 'not_configured' });
  switch (request.action) {
    case 'onboardPartner':
      assertUsablePublicKey(request.publicKeyJwk);
      return onboardPartner(deps, services, request);
    case 'listPartners':
      return listPartners(services);
    case 'setPartnerStatus':
      return setPartnerStatus(services, request.partnerId, request.status);
    case 'listTiles':
      return listTilesForAdmin(services, request.status);
    case 'approveTile':
      return approveTile(deps, services, request.tileId, request.version);
    case 'rejectTile':
      return rejectTile(deps, services, request.tileId, request.version, request.reason);
    case 'suspendTile':
      return suspendTile(services, request.tileId, request.suspended);
  }
}
