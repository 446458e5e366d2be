/**
 * The verifier function: registered terminals (hotels, internet cafes, gates)
 * verify presentation tokens, upgrade terminals make cards colour, authenticated per request by an ES256 assertion
 * made for that request (auth/terminal-assertions.ts) or by a terminal session opened with one (auth/terminal-sessions.ts);
 * and the issuer's public keys, to anyone, for checking codes offline.
 */
import type { IssuerKeysView } from '../../core/api';
import { EidError } from '../../core/errors';
import { verifierEvent, type OpenSessionEvent, type UpgradeEvent, type VerifyEvent } from '../../core/schemas';
import type { SessionMacRequest } from '../../core/terminal-session';
import type { Deps } from '../domain/deps';
import type { TerminalRecord } from '../domain/store';
import { upgradeCard } from '../domain/upgrade-card';
import { verifyPresentation } from '../domain/verify-presentation';
import { TerminalAssertions } from './auth/terminal-assertions';
import { TerminalSessions, type SessionProof } from './auth/terminal-sessions';
import { atBoundary, parseEvent, type CloudFunction, type Logger } from './boundary';

/** What the verifier function holds besides the use cases' deps (KeyMaterial has both). */
export interface VerifierKeys {
  /** Seals terminal session tickets. */
  terminalSessionKey: Buffer;
  /** The issuer's keyring: its public keys are read at each call, so a rotation shows at once. */
  issuer: { jwks(): IssuerKeysView };
}

/** The actions whose proof counts once: one that opens a session, and an upgrade (a verification may be resent: its token counts once). */
const countsOnce = (action: 'openSession' | 'verify' | 'upgrade') => action !== 'verify';

export function createVerifierFunction(deps: Deps, keys: VerifierKeys, log: Logger): CloudFunction {
  const terminals = new TerminalAssertions(deps.store, deps.clock);
  const sessions = new TerminalSessions(keys.terminalSessionKey, deps.clock);

  /**
   * The terminal behind a request; its enabled flag is read every time, so
   * disabling bites at once. An assertion's `req` and a session's MAC are
   * both checked over the whole parsed request, so no field can be changed
   * after the terminal signed or MAC'd it. The proof of a request that must
   * not happen twice (countsOnce) is spent in the store, so no instance takes
   * it again: a captured openSession would hand out another session key, and
   * a replayed upgrade whose password was wrong would spend another of the
   * citizen's tries.
   */
  const terminalOf = async (request: OpenSessionEvent | VerifyEvent | UpgradeEvent): Promise<TerminalRecord> => {
    const session = request.action === 'openSession' ? undefined : request.session;
    if ((request.assertion === undefined) === (session === undefined)) throw new EidError('INVALID_INPUT', { reason: 'schema', details: { field: 'assertion' } });
    const { terminal, proofId, keptUntil } =
      session === undefined || request.action === 'openSession' ? await terminals.authenticate(request.assertion!, request) : await bySession(session, request);
    if (countsOnce(request.action)) await spendOnce(terminal.id, proofId, keptUntil);
    return terminal;
  };

  const bySession = async (session: SessionProof, request: SessionMacRequest) => {
    const { terminalId, ...proof } = sessions.authenticate(session, request);
    const terminal = await deps.store.getTerminal(terminalId);
    if (!terminal?.enabled) throw new EidError('VERIFIER_UNKNOWN', { reason: 'session' });
    return { terminal, ...proof };
  };

  /** Spends a once-only proof of `terminalId`; VERIFIER_UNKNOWN/replay when it was spent before. */
  const spendOnce = async (terminalId: string, proofId: string, keptUntil: Date): Promise<void> => {
    if (!(await deps.store.spendTerminalProof(terminalId, proofId, keptUntil))) throw new EidError('VERIFIER_UNKNOWN', { reason: 'replay' });
  };

  return atBoundary(log, async (event) => {
    const request = parseEvent(verifierEvent, event);
    switch (request.action) {
      case 'openSession':
        return sessions.start((await terminalOf(request)).id);
      case 'verify':
        return verifyPresentation(deps, await terminalOf(request), request);
      case 'upgrade':
        return upgradeCard(deps, await terminalOf(request), request);
      case 'issuerKeys':
        return keys.issuer.jwks();
    }
  });
}
