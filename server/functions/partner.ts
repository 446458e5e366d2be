/**
 * The partner function: government service partners submit tiles, read their
 * review state and exchange citizens' one-time codes, each call signed with a
 * fresh ES256 assertion (auth/partner-assertions.ts).
 */
import { partnerEvent } from '../../core/services-schemas';
import type { Deps } from '../domain/deps';
import type { ServicesDeps } from '../domain/services-deps';
import { exchangeCode } from '../domain/services/exchange-code';
import { tileStatusForPartner } from '../domain/services/review-tile';
import { submitTile } from '../domain/services/submit-tile';
import { PartnerAssertions } from './auth/partner-assertions';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';

export function createPartnerFunction(deps: Deps, services: ServicesDeps, log: Logger): CloudFunction {
  const assertions = new PartnerAssertions(services.store, deps.clock);
  return atBoundary(log, async (event) => {
    const request = parseEvent(partnerEvent, event);
    const partner = await assertions.authenticate(request.assertion);
    switch (request.action) {
      case 'submitTile':
        return submitTile(deps, services, partner, request);
      case 'tileStatus':
        return tileStatusForPartner(services, partner, request.tileId);
      case 'exchange':
        return exchangeCode(deps, services, partner, request);
    }
  });
}
