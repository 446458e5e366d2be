/**
 * Identifies a verifier terminal by its short-lived assertion: a JWT it signs
 * with its own ES256 key (header kid = terminal id, aud = e-id-verifier, at
 * most 5 minutes from iat to exp). Algorithms are pinned; public keys are
 * parsed into KeyObjects once. A terminal may reuse one assertion until it
 * expires, so a verified assertion is remembered for its lifetime, but the
 * terminal's enabled flag is read on every call so disabling bites at once.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { EidError } from '../../../core/errors';
import { ASSERTION_AUDIENCE, CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';
import { verifyShortLivedJwt } from './short-lived-jwt';
import type { Clock } from '../../domain/ports';
import type { Store, TerminalRecord } from '../../domain/store';

const REMEMBERED_ASSERTIONS = 10_000;

export class TerminalAssertions {
  private readonly keys = new Map<string, KeyObject>();
  private readonly verified = new Map<string, { terminalId: string; exp: number }>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async authenticate(assertion: string): Promise<TerminalRecord> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const remembered = this.verified.get(assertion);
    const terminalId = remembered && remembered.exp + CLOCK_TOLERANCE_SECONDS >= now ? remembered.terminalId : await this.verifyFresh(assertion, now);
    const terminal = await this.store.getTerminal(terminalId);
    if (!terminal || !terminal.enabled) throw new EidError('VERIFIER_UNKNOWN');
    return terminal;
  }

  private async verifyFresh(assertion: string, now: number): Promise<string> {
    const unknown = () => new EidError('VERIFIER_UNKNOWN');
    const header = jwt.decode(assertion, { complete: true })?.header;
    const terminalId = header?.kid;
    if (typeof terminalId !== 'string' || terminalId.length > 64 || header?.alg !== 'ES256') throw unknown();
    const key = await this.publicKey(terminalId);
    if (!key) throw unknown();
    const claims = verifyShortLivedJwt(assertion, key, { algorithm: 'ES256', audience: ASSERTION_AUDIENCE.terminal, issuer: terminalId, now });
    if (!claims) throw new EidError('VERIFIER_UNKNOWN', { reason: 'assertion' });
    if (this.verified.size >= REMEMBERED_ASSERTIONS) this.verified.clear();
    this.verified.set(assertion, { terminalId, exp: claims.exp });
    return terminalId;
  }

  private async publicKey(terminalId: string): Promise<KeyObject | undefined> {
    const cached = this.keys.get(terminalId);
    if (cached) return cached;
    const terminal = await this.store.getTerminal(terminalId);
    if (!terminal) return undefined;
    const key = createPublicKey({ key: terminal.publicKeyJwk, format: 'jwk' });
    this.keys.set(terminalId, key);
    return key;
  }
}
