/**
 * What a terminal's proof covers, written once for the terminals that sign and
 * the verifier function that checks: the action, then the action's own fields
 * in a fixed order, every field of the request but the proof itself.
 *
 *   openSession  ["openSession"]
 *   verify       ["verify", scene, token]
 *   upgrade      ["upgrade", token, password, idCardRead, faceMatch]
 *
 * The message is that array as compact JSON (JSON.stringify): each string is
 * quoted and escaped, so no value can run into its neighbour, and booleans
 * stay booleans. A per-request assertion carries its SHA-256 as `req`; a
 * session's MAC covers the same fields with the session id and counter after
 * the action (terminal-session.ts). Naming the action first means a proof made
 * for one action never passes for another; a field added to an action's schema
 * must be added here (test/core/terminal-request.test.ts fails until it is).
 *
 * `openSession` has no fields of its own, so its assertion binds the action
 * alone: it opens a session and nothing else, and an assertion made for a
 * verify or an upgrade cannot open one (which would hand whoever captured it
 * a session key, free of any binding).
 */
import type { OpenSessionEvent, UpgradeEvent, VerifyEvent } from './schemas';

/** The fields of a terminal's request that are not its proof (assertion or session). */
export type TerminalRequest =
  | Pick<OpenSessionEvent, 'action'>
  | Pick<VerifyEvent, 'action' | 'scene' | 'token'>
  | Pick<UpgradeEvent, 'action' | 'token' | 'password' | 'inPersonCheck'>;

/** The action and its fields, in the order above. */
export function requestFields(request: TerminalRequest): [TerminalRequest['action'], ...(string | boolean)[]] {
  switch (request.action) {
    case 'openSession':
      return [request.action];
    case 'verify':
      return [request.action, request.scene, request.token];
    case 'upgrade':
      return [request.action, request.token, request.password, request.inPersonCheck.idCardRead, request.inPersonCheck.faceMatch];
  }
}

/** What a per-request assertion's `req` claim is the SHA-256 (base64url) of. */
export function assertionRequestInput(request: TerminalRequest): string {
  return JSON.stringify(requestFields(request));
}
