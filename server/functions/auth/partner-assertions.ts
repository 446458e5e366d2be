/**
 * Identifies a partner by its assertion: a short-lived ES256 JWT signed with
 * the key registered at onboarding (kid = iss = partner id, aud =
 * e-id-partner, at most 5 minutes), as terminals sign theirs
 * (es256-assertions.ts) — and one use each: its `jti` is spent in the
 * services store, so a replayed assertion is refused on every instance, even
 * when its first use was refused for another reason. A suspended partner is
 * refused before anything is spent.
 */
import { EidError } from '../../../core/errors';
import { ASSERTION_AUDIENCE, CLOCK_TOLERANCE_SECONDS } from '../../../core/policy';
import type { Clock } from '../../domain/ports';
import type { PartnerRecord, ServicesStore } from '../../domain/services-store';
import { Es256Assertions } from './es256-assertions';
import { ASSERTION_ID_PATTERN } from './short-lived-jwt';


export class PartnerAssertions {
  private readonly assertions: Es256Assertions<PartnerRecord>;

  constructor(
    private readonly store: ServicesStore,
    private readonly clock: Clock,
  ) {
    this.assertions = new Es256Assertions((id) => store.getPartner(id), ASSERTION_AUDIENCE.partner);
  }

  async authenticate(assertion: string): Promise<PartnerRecord> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const verified = await this.assertions.verify(assertion, now);
    const jti = verified?.claims.jti;
    if (!verified || typeof jti !== 'string' || !ASSERTION_ID_PATTERN.test(jti)) throw new EidError('PARTNER_UNAUTHORIZED', { reason: 'assertion' });
    const { signer: partner, claims } = verified;
    if (partner.status === 'suspended') throw new EidError('PARTNER_SUSPENDED');
    const keptUntil = new Date((claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000);
    if (!(await this.store.spendPartnerAssertion(partner.id, jti, keptUntil))) throw new EidError('ASSERTION_REUSED', { reason: 'replay' });
    return partner;
  }
}
