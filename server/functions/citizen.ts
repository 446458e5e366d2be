/** The citizen function: the mini-program user's actions. */
import { citizenEvent } from '../../core/schemas';
import type { Deps } from '../domain/deps';
import { setCardPassword, unlockCardPassword } from '../domain/card-password';
import { enroll } from '../domain/enroll';
import { getCard } from '../domain/get-card';
import { listUsage } from '../domain/list-usage';
import { moveCard } from '../domain/move-card';
import { present } from '../domain/present';
import { presentUpgrade } from '../domain/present-upgrade';
import { listUpgradeSites } from '../domain/upgrade-directory';
import { reauth } from '../domain/reauth';
import { reinstate } from '../domain/reinstate';
import { renewCard } from '../domain/renew-card';
import { reportLost } from '../domain/report-lost';
import { revokeCard } from '../domain/revoke-card';
import type { ServicesDeps } from '../domain/services-deps';
import { startFace } from '../domain/start-face';
import { atBoundary, parseEvent, requireCitizen, type CloudFunction, type Logger } from './boundary';
import { citizenServicesAction } from './citizen-services';

/** `services`: the services journey's dependencies; without them its actions answer INTERNAL/not_configured. */
export function createCitizenFunction(deps: Deps, log: Logger, services?: ServicesDeps): CloudFunction {
  return atBoundary(log, async (event, caller) => {
    const request = parseEvent(citizenEvent, event);
    const holder = requireCitizen(caller);
    switch (request.action) {
      case 'startFace':
        return startFace(deps, holder, request);
      case 'enroll':
        return { card: await enroll(deps, holder, request) };
      case 'getCard':
        return getCard(deps, holder);
      case 'reauth':
        return reauth(deps, holder, request);
      case 'present':
        return present(deps, holder, request);
      case 'listUsage':
        return listUsage(deps, holder, request);
      case 'reportLost':
        return { card: await reportLost(deps, holder) };
      case 'reinstate':
        return { card: await reinstate(deps, holder, request) };
      case 'renew':
        return { card: await renewCard(deps, holder, request) };
      case 'revoke':
        return revokeCard(deps, holder, request, services);
      case 'setCardPassword':
        return setCardPassword(deps, holder, request);
      case 'unlockCardPassword':
        return unlockCardPassword(deps, holder, request);
      case 'presentUpgrade':
        return presentUpgrade(deps, holder);
      case 'moveCard':
        return { card: await moveCard(deps, holder, request, services) };
      case 'listUpgradeSites':
        return listUpgradeSites(deps, request);
      default:
        return citizenServicesAction(deps, services, holder, request);
    }
  });
}
