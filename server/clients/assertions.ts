/**
 * Making assertions: what a registered terminal or an administrator's tool
 * does before each call. The functions only check them
 * (server/functions/auth); the CLI, the emulator's demo terminal, the bench
 * and the tests make them here, with the same audiences and lifetime rules.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ASSERTION_AUDIENCE, ASSERTION_MAX_AGE_SECONDS } from '../../core/policy';

/** A registered terminal's id and its ES256 private key, as the terminal holds them. */
export interface TerminalCredential {
  terminalId: string;
  privateKey: KeyObject;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A terminal's ES256 assertion (kid and iss = terminal id) valid for `lifetime` seconds, at most the policy's maximum. */
export function signTerminalAssertion(credential: TerminalCredential, now: Date, lifetime = 120): string {
  const iat = seconds(now);
  const exp = iat + Math.min(lifetime, ASSERTION_MAX_AGE_SECONDS);
  return jwt.sign({ iat, exp, iss: credential.terminalId, aud: ASSERTION_AUDIENCE.terminal }, credential.privateKey, {
    algorithm: 'ES256',
    keyid: credential.terminalId,
  });
}

/** An administrator's HS256 assertion under the admin key, valid for two minutes. */
export function signAdminAssertion(adminKey: KeyObject, now: Date): string {
  const iat = seconds(now);
  // A fresh jti: the admin function accepts each assertion once.
  const jti = randomBytes(16).toString('base64url');
  return jwt.sign({ iat, exp: iat + 120, aud: ASSERTION_AUDIENCE.admin, sub: 'admin', jti }, adminKey, { algorithm: 'HS256' });
}
