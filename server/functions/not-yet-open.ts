/**
 * The verifier, partner and admin functions are deployable folders already,
 * so that their platform permissions and credentials are set up once; they
 * have no actions until their journeys land, and say so with a stable code.
 */
import { z } from 'zod';
import { EidError } from '../../core/errors';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';

const anyActionEvent = z.object({ action: z.string().max(64) }).passthrough();

export function createFunctionWithoutActions(log: Logger): CloudFunction {
  return atBoundary(log, async (event) => {
    parseEvent(anyActionEvent, event);
    throw new EidError('INVALID_INPUT', { reason: 'unknown_action' });
  });
}
