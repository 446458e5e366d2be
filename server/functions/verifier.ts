/**
 * The verifier function: registered terminals (hotels, internet cafes, gates)
 * verify presentation tokens, upgrade terminals make cards colour, authenticated per request by an ES256 assertion
 * made for that request (auth/terminal-assertions.ts) or by a terminal session opened with one (auth/terminal-sessions.ts);
 * and the issuer's public keys, to anyone, for checking codes offline.
 */
import type { IssuerKeysView } from '../../core/api';
import { EidError } from '../../core/errors';
import { verifierEvent, type UpgradeEvent, type VerifyEvent } from '../../core/schemas';
import type { Deps } from '../domain/deps';
import type { TerminalRecord } from '../domain/store';
import { upgradeCard } from '../domain/upgrade-card';
import { verifyPresentation } from '../domain/verify-presentation';
import { TerminalAssertions } from './auth/terminal-assertions';
import { TerminalSessions } from './auth/terminal-sessions';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';

/** What the verifier function holds besides the use cases' deps (KeyMaterial has both). */
export interface VerifierKeys {
  /** Seals terminal session tickets. */
  terminalSessionKey: Buffer;
  /** The issuer's keyring: its public keys are read at each call, so a rotation shows at once. */
  issuer: { jwks(): IssuerKeysView };
}

export function createVerifierFunction(deps: Deps, keys: VerifierKeys, log: Logger): CloudFunction {
  const terminals = new TerminalAssertions(deps.store, deps.clock);
  const sessions = new TerminalSessions(keys.terminalSessionKey, deps.clock);

  /**
   * The terminal behind a request; its enabled flag is read every time, so
   * disabling bites at once. An assertion's `req` and a session's MAC are
   * both checked over the whole parsed request, so no field can be changed
   * after the terminal signed or MAC'd it. An upgrade's proof counts once,
   * in the store, so that no instance takes the same request twice (a
   * replayed upgrade whose password was wrong would spend another of the
   * citizen's tries).
   */
  const terminalOf = async (request: VerifyEvent | UpgradeEvent): Promise<TerminalRecord> => {
    const { assertion, session } = request;
    if ((assertion === undefined) === (session === undefined)) throw new EidError('INVALID_INPUT', { reason: 'schema', details: { field: 'assertion' } });
    const once = request.action === 'upgrade';
    if (assertion !== undefined) {
      const { terminal, proofId, keptUntil } = await terminals.authenticate(assertion, request);
      if (once) await spendOnce(terminal.id, proofId, keptUntil);
      return terminal;
    }
    const { terminalId, expiresAt } = sessions.authenticate(session!, request);
    const terminal = await deps.store.getTerminal(terminalId);
    if (!terminal?.enabled) throw new EidError('VERIFIER_UNKNOWN', { reason: 'session' });
    if (once) await spendOnce(terminal.id, `session:${session!.id}:${session!.counter}`, expiresAt);
    return terminal;
  };

  /** Spends a once-only proof of `terminalId`; VERIFIER_UNKNOWN/replay when it was spent before. */
  const spendOnce = async (terminalId: string, proofId: string, keptUntil: Date): Promise<void> => {
    if (!(await deps.store.spendTerminalProof(terminalId, proofId, keptUntil))) throw new EidError('VERIFIER_UNKNOWN', { reason: 'replay' });
  };

  return atBoundary(log, async (event) => {
    const request = parseEvent(verifierEvent, event);
    switch (request.action) {
      case 'openSession': {
        // Once: a captured openSession assertion, used again, would hand its holder a session key of this terminal.
        const { terminal, proofId, keptUntil } = await terminals.authenticate(request.assertion, request);
        await spendOnce(terminal.id, proofId, keptUntil);
        return sessions.start(terminal.id);
      }
      case 'verify':
        return verifyPresentation(deps, await terminalOf(request), request);
      case 'upgrade':
        return upgradeCard(deps, await terminalOf(request), request);
      case 'issuerKeys':
        return keys.issuer.jwks();
    }
  });
}
