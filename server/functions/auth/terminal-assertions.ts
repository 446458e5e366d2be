/**
 * Identifies a verifier terminal by its short-lived assertion: a JWT it signs
 * with its own ES256 key (header kid = terminal id, aud = e-id-verifier, at
 * most 5 minutes from iat to exp). Algorithms are pinned; public keys are
 * parsed into KeyObjects once. A terminal may reuse one assertion until it
 * expires, so a verified assertion is remembered for its lifetime, but the
 * terminal's enabled flag is read on every call so disabling bites at once.
 * An unknown terminal id and a bad signature get one answer (es256-assertions.ts).
 */
import { EidError } from '../../../core/errors';
import { ASSERTION_AUDIENCE, CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';
import { Es256Assertions } from './es256-assertions';
import type { Clock } from '../../domain/ports';
import type { Store, TerminalRecord } from '../../domain/store';

const REMEMBERED_ASSERTIONS = 10_000;

const refused = () => new EidError('VERIFIER_UNKNOWN', { reason: 'assertion' });

export class TerminalAssertions {
  private readonly verified = new Map<string, { terminalId: string; exp: number }>();
  private readonly assertions: Es256Assertions<TerminalRecord>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.assertions = new Es256Assertions((id) => store.getTerminal(id), ASSERTION_AUDIENCE.terminal);
  }

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
    const verified = await this.assertions.verify(assertion, now);
    if (!verified) throw refused();
    if (this.verified.size >= REMEMBERED_ASSERTIONS) this.verified.clear();
    this.verified.set(assertion, { terminalId: verified.signer.id, exp: verified.claims.exp });
    return verified.signer;
  }
}
