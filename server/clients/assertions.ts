/**
 * Making assertions: what a registered terminal or an administrator's tool
 * does before each call. The functions only check them
 * (server/functions/auth); the CLI, the emulator's demo terminal, the bench
 * and the tests make them here, with the same audiences and lifetime rules.
 */
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ASSERTION_AUDIENCE, ASSERTION_MAX_AGE_SECONDS } from '../../core/policy';
import { assertionRequestInput, type TerminalRequest } from '../../core/terminal-request';

/** A registered terminal's id and its ES256 private key, as the terminal holds them. */
export interface TerminalCredential {
  terminalId: string;
  privateKey: KeyObject;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The `req` claim of a terminal assertion made for `request`: the SHA-256 (base64url) of its fields (core/terminal-request). */
export function assertionRequestDigest(request: TerminalRequest): string {
  return createHash('sha256').update(assertionRequestInput(request)).digest('base64url');
}

/**
 * A terminal's ES256 assertion (kid and iss = terminal id) for one request,
 * valid for `lifetime` seconds, at most the policy's maximum. Its `req` claim
 * binds it to the request's fields: send it with exactly these, or the
 * verifier refuses it.
 */
export function signTerminalAssertion(credential: TerminalCredential, now: Date, request: TerminalRequest, lifetime = 120): string {
  const iat = seconds(now);
  const exp = iat + Math.min(lifetime, ASSERTION_MAX_AGE_SECONDS);
  const req = assertionRequestDigest(request);
  // jti: two assertions for the same request in the same second stay two (an openSession or upgrade assertion counts once).
  const jti = randomBytes(16).toString('base64url');
  return jwt.sign({ iat, exp, iss: credential.terminalId, aud: ASSERTION_AUDIENCE.terminal, req, jti }, credential.privateKey, {
    algorithm: 'ES256',
    keyid: credential.terminalId,
  });
}

/** The request to send: these fields and a terminal assertion made for exactly them. */
export function withTerminalAssertion<R extends TerminalRequest>(credential: TerminalCredential, now: Date, request: R, lifetime?: number): R & { assertion: string } {
  return { ...request, assertion: signTerminalAssertion(credential, now, request, lifetime) };
}

/** An administrator's HS256 assertion under the admin key, valid for two minutes. */
export function signAdminAssertion(adminKey: KeyObject, now: Date): string {
  const iat = seconds(now);
  // A fresh jti: the admin function accepts each assertion once.
  const jti = randomBytes(16).toString('base64url');
  return jwt.sign({ iat, exp: iat + 120, aud: ASSERTION_AUDIENCE.admin, sub: 'admin', jti }, adminKey, { algorithm: 'HS256' });
}
