/** The citizen function: the mini-program user's actions. */
import { citizenEvent } from '../../core/schemas';
import type { CitizenDeps } from '../domain/deps';
import { enroll } from '../domain/enroll';
import { getCard } from '../domain/get-card';
import { startFace } from '../domain/start-face';
import { atBoundary, parseEvent, requireCitizen, type CloudFunction, type Logger } from './boundary';

export function createCitizenFunction(deps: CitizenDeps, log: Logger): CloudFunction {
  return atBoundary(log, async (event, caller) => {
    const request = parseEvent(citizenEvent, event);
    const holder = requireCitizen(caller);
    switch (request.action) {
      case 'startFace':
        return startFace(deps, holder);
      case 'enroll':
        return { card: await enroll(deps, holder, request) };
      case 'getCard':
        return { card: await getCard(deps, holder) };
    }
  });
}
