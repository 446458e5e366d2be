/**
 * What a terminal session's HMAC covers, written once for the terminal that
 * signs and the verifier function that checks: every field of the request but
 * the MAC itself. First the action, the session id and the counter, then the
 * action's own fields in a fixed order:
 *
 *   verify   ["verify", id, counter, scene, token]
 *   upgrade  ["upgrade", id, counter, token, password, idCardRead, faceMatch]
 *
 * The message is that array as compact JSON (JSON.stringify): each string is
 * quoted and escaped, so no value can run into its neighbour, and booleans
 * stay booleans. Naming the action first means a MAC made for one action never
 * passes for another, and a field added to an action's schema must be added
 * here (test/core/terminal-session.test.ts fails until it is).
 */
import type { UpgradeEvent, VerifyEvent } from './schemas';

/** The fields of a session request that are not the session proof. */
export type SessionMacRequest = Pick<VerifyEvent, 'action' | 'scene' | 'token'> | Pick<UpgradeEvent, 'action' | 'token' | 'password' | 'inPersonCheck'>;

export function sessionMacInput(session: { id: string; counter: number }, request: SessionMacRequest): string {
  return JSON.stringify([request.action, session.id, session.counter, ...actionFields(request)]);
}

function actionFields(request: SessionMacRequest): (string | boolean)[] {
  switch (request.action) {
    case 'verify':
      return [request.scene, request.token];
    case 'upgrade':
      return [request.token, request.password, request.inPersonCheck.idCardRead, request.inPersonCheck.faceMatch];
  }
}
