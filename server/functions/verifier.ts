/** The verifier function: registered terminals (hotels, internet cafes, gates) verify presentation tokens. */
import { verifierEvent } from '../../core/schemas';
import type { Deps } from '../domain/deps';
import { verifyPresentation } from '../domain/verify-presentation';
import { TerminalAssertions } from './auth/terminal-assertions';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';

export function createVerifierFunction(deps: Deps, log: Logger): CloudFunction {
  const terminals = new TerminalAssertions(deps.store, deps.clock);
  return atBoundary(log, async (event) => {
    const request = parseEvent(verifierEvent, event);
    const terminal = await terminals.authenticate(request.assertion);
    return verifyPresentation(deps, terminal, request);
  });
}
