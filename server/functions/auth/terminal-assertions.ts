/**
 * Identifies a verifier terminal by its short-lived assertion: a JWT it signs
 * with its own ES256 key (header kid = terminal id, aud = e-id-verifier, at
 * most 5 minutes from iat to exp). Algorithms are pinned; public keys are
 * parsed into KeyObjects once. A terminal may reuse one assertion until it
 * expires, so a verified assertion is remembered for its lifetime, but the
 * terminal's enabled flag is read on every call so disabling bites at once.
 *
 * Whether a terminal id is registered must not show: an assertion naming an
 * unknown id gets the answer a badly signed one for a known id gets, after the
 * same work (one store read, one ES256 check, against a key made for the
 * purpose at start-up that nothing can sign for).
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { EidError } from '../../../core/errors';
import { ASSERTION_AUDIENCE, CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';
import { verifyShortLivedJwt } from './short-lived-jwt';
import type { Clock } from '../../domain/ports';
import type { Store, TerminalRecord } from '../../domain/store';

const REMEMBERED_ASSERTIONS = 10_000;

const refused = () => new EidError('VERIFIER_UNKNOWN', { reason: 'assertion' });

export class TerminalAssertions {
  private readonly keys = new Map<string, KeyObject>();
  private readonly verified = new Map<string, { terminalId: string; exp: number }>();
  /** Checked against when the kid names no terminal; its private half is thrown away. */
  private readonly nobodysKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async authenticate(assertion: string): Promise<TerminalRecord> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const remembered = this.verified.get(assertion);
    const terminal =
      remembered && remembered.exp + CLOCK_TOLERANCE_SECONDS >= now
        ? await this.store.getTerminal(remembered.terminalId)
        : await this.verifyFresh(assertion, now);
    if (!terminal || !terminal.enabled) throw new EidError('VERIFIER_UNKNOWN');
    return terminal;
  }

  private async verifyFresh(assertion: string, now: number): Promise<TerminalRecord> {
    const header = headerOf(assertion);
    const terminalId = header?.kid;
    if (typeof terminalId !== 'string' || terminalId.length > 64 || header?.alg !== 'ES256') throw refused();
    const terminal = await this.store.getTerminal(terminalId);
    const key = terminal ? this.publicKey(terminal) : this.nobodysKey;
    const claims = verifyShortLivedJwt(assertion, key, { algorithm: 'ES256', audience: ASSERTION_AUDIENCE.terminal, issuer: terminalId, now });
    if (!terminal || !claims) throw refused();
    if (this.verified.size >= REMEMBERED_ASSERTIONS) this.verified.clear();
    this.verified.set(assertion, { terminalId, exp: claims.exp });
    return terminal;
  }

  private publicKey(terminal: TerminalRecord): KeyObject {
    let key = this.keys.get(terminal.id);
    if (!key) {
      key = createPublicKey({ key: terminal.publicKeyJwk, format: 'jwk' });
      this.keys.set(terminal.id, key);
    }
    return key;
  }
}

/** The unverified header, or null: jsonwebtoken's decode throws (JSON.parse) on a payload that is not JSON. */
function headerOf(assertion: string): jwt.JwtHeader | null {
  try {
    return jwt.decode(assertion, { complete: true })?.header ?? null;
  } catch {
    return null;
  }
}
