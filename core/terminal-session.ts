/**
 * What a terminal session's HMAC covers, written once for the terminal that
 * signs and the verifier function that checks: the request's fields as
 * core/terminal-request.ts lists them, with the session id and the counter
 * after the action:
 *
 *   verify   ["verify", id, counter, scene, token]
 *   upgrade  ["upgrade", id, counter, token, password, idCardRead, faceMatch]
 *
 * as compact JSON (JSON.stringify), like a per-request assertion's `req`.
 */
import { requestFields, type TerminalRequest } from './terminal-request';

/** The fields of a session request that are not the session proof (a session cannot open another). */
export type SessionMacRequest = Exclude<TerminalRequest, { action: 'openSession' }>;

export function sessionMacInput(session: { id: string; counter: number }, request: SessionMacRequest): string {
  const [action, ...fields] = requestFields(request);
  return JSON.stringify([action, session.id, session.counter, ...fields]);
}
