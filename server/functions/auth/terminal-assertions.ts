/**
 * Identifies a verifier terminal by its short-lived assertion: a JWT it signs
 * with its own ES256 key (header kid = terminal id, aud = e-id-verifier, at
 * most 5 minutes from iat to exp) for one request: its `req` claim is the
 * SHA-256 of that request's fields (core/terminal-request), so a captured
 * assertion cannot carry another password, in-person check, token or scene,
 * nor open a session. Algorithms are pinned; public keys are parsed into
 * KeyObjects once. A verified assertion is remembered for its lifetime (a
 * terminal may resend a verification), its `req` with it, but the
 * terminal's enabled flag is read on every call so disabling bites at once;
 * the verifier function spends the proof id of an openSession or upgrade
 * assertion in the store, so those count once. An unknown terminal id and a
 * bad signature get one answer (es256-assertions.ts); only a validly signed
 * assertion of an enabled terminal is told its `req` does not match.
 */
import { createHash } from 'node:crypto';
import { EidError } from '../../../core/errors';
import { ASSERTION_AUDIENCE, CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';
import type { TerminalRequest } from '../../../core/terminal-request';
import { assertionRequestDigest } from '../../clients/assertions';
import { Es256Assertions } from './es256-assertions';
import type { Clock } from '../../domain/ports';
import type { Store, TerminalRecord } from '../../domain/store';

const REMEMBERED_ASSERTIONS = 10_000;

const refused = () => new EidError('VERIFIER_UNKNOWN', { reason: 'assertion' });

export class TerminalAssertions {
  private readonly verified = new Map<string, { terminalId: string; exp: number; req: string }>();
  private readonly assertions: Es256Assertions<TerminalRecord>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.assertions = new Es256Assertions((id) => store.getTerminal(id), ASSERTION_AUDIENCE.terminal);
  }

  /**
   * The enabled terminal that signed `assertion` for exactly `request` (the
   * request's fields, whatever else it holds), with the assertion's proof id
   * and expiry for a once-only request to spend; VERIFIER_UNKNOWN otherwise.
   */
  async authenticate(assertion: string, request: TerminalRequest): Promise<{ terminal: TerminalRecord; proofId: string; keptUntil: Date }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const remembered = this.verified.get(assertion);
    const { terminal, req, exp } =
      remembered && remembered.exp + CLOCK_TOLERANCE_SECONDS >= now
        ? { terminal: await this.store.getTerminal(remembered.terminalId), req: remembered.req, exp: remembered.exp }
        : await this.verifyFresh(assertion, now);
    if (!terminal || !terminal.enabled) throw new EidError('VERIFIER_UNKNOWN');
    if (req !== assertionRequestDigest(request)) throw new EidError('VERIFIER_UNKNOWN', { reason: 'assertion_request' });
    // Kept a second past the last second it is accepted in (the check above compares whole seconds).
    return { terminal, proofId: proofIdOf(assertion), keptUntil: new Date((exp + CLOCK_TOLERANCE_SECONDS + 1) * 1000) };
  }

  private async verifyFresh(assertion: string, now: number): Promise<{ terminal: TerminalRecord; req: unknown; exp: number }> {
    const verified = await this.assertions.verify(assertion, now);
    if (!verified) throw refused();
    const { req } = verified.claims;
    // Only a bound assertion is remembered: one without `req` is refused each time it comes.
    if (typeof req === 'string') {
      if (this.verified.size >= REMEMBERED_ASSERTIONS) this.verified.clear();
      this.verified.set(assertion, { terminalId: verified.signer.id, exp: verified.claims.exp, req });
    }
    return { terminal: verified.signer, req, exp: verified.claims.exp };
  }
}

/**
 * An assertion's proof id: the SHA-256 of what its signature covers (header
 * and claims), not of the whole JWT, for an ECDSA signature can be rewritten
 * into another valid one (s to n - s) and so would make a new id.
 */
function proofIdOf(assertion: string): string {
  return createHash('sha256').update(assertion.slice(0, assertion.lastIndexOf('.'))).digest('base64url');
}
