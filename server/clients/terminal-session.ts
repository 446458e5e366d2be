/**
 * A terminal's side of a terminal session: after `openSession` (with one
 * assertion), each verify request carries the next counter and the HMAC of
 * core/terminal-session under the session key, instead of a signature.
 */
import { createHmac } from 'node:crypto';
import type { TerminalSessionView } from '../../core/api';
import { sessionMacInput } from '../../core/terminal-session';

export class TerminalSessionClient {
  private counter = 0;

  constructor(private readonly session: Pick<TerminalSessionView, 'sessionId' | 'sessionKey'>) {}

  /** The `session` field of the next verify request for this token and scene. */
  proof(request: { scene: string; token: string }): { id: string; counter: number; mac: string } {
    const counter = this.counter++;
    const mac = createHmac('sha256', Buffer.from(this.session.sessionKey, 'base64url'))
      .update(sessionMacInput('verify', counter, request))
      .digest('base64url');
    return { id: this.session.sessionId, counter, mac };
  }
}
