/**
 * A terminal's side of a terminal session: after `openSession` (with one
 * assertion made for it: `withTerminalAssertion(credential, now, { action:
 * 'openSession' })`), each verify or upgrade request carries the next counter and the
 * HMAC under the session key of the whole request (core/terminal-session),
 * instead of a signature.
 */
import { createHmac } from 'node:crypto';
import type { TerminalSessionView } from '../../core/api';
import { sessionMacInput, type SessionMacRequest } from '../../core/terminal-session';

export class TerminalSessionClient {
  private counter = 0;

  constructor(private readonly session: Pick<TerminalSessionView, 'sessionId' | 'sessionKey'>) {}

  /** The `session` field of the next request: send it with exactly these fields, or the verifier refuses it. */
  proof(request: SessionMacRequest): { id: string; counter: number; mac: string } {
    const proof = { id: this.session.sessionId, counter: this.counter++ };
    const mac = createHmac('sha256', Buffer.from(this.session.sessionKey, 'base64url'))
      .update(sessionMacInput(proof, request))
      .digest('base64url');
    return { ...proof, mac };
  }

  /** The request to send: these fields and the `session` proof made over exactly them. */
  withSession<R extends SessionMacRequest>(request: R): R & { session: { id: string; counter: number; mac: string } } {
    return { ...request, session: this.proof(request) };
  }
}
