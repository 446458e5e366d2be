/**
 * Use case: `partner.exchange(code)`. The checks run in a fixed order, each
 * with its own code, and none writes anything: the code's signature
 * (AUTH_CODE_INVALID), whose it is (AUTH_CODE_FOREIGN, before anything else
 * about the code shows), its expiry, one-time use, the grant (revoked or
 * expired), the tile, the scopes asked for (never more than granted), the
 * card. Then the code is spent and the exchange written to the citizen's
 * records in one step, which checks the grant and the card again and writes
 * nothing if either changed meanwhile (a card reported lost while this runs
 * is CARD_SUSPENDED, and nothing is released), and the release goes back
 * with the pairwise subject id and the issuer's signature over it.
 */
import { EidError } from '../../../core/errors';
import { RELEASE_TOKEN_SECONDS } from '../../../core/policy';
import type { ExchangeResult } from '../../../core/services-api';
import { ALWAYS_GRANTED_SCOPES, orderedScopes, type PartnerScope } from '../../../core/services';
import type { ExchangeEvent } from '../../../core/services-schemas';
import { assertCardActive } from '../card-rules';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import type { PartnerRecord } from '../services-store';
import { releasePartnerAttributes } from './release-partner-attributes';
import { assertTileServes, grantStatus } from './tile-views';

const REDEMPTION_REFUSALS = {
  used: 'AUTH_CODE_USED',
  revoked: 'GRANT_REVOKED',
  unknown: 'AUTH_CODE_INVALID',
  card_suspended: 'CARD_SUSPENDED',
  card_revoked: 'CARD_REVOKED',
  card_expired: 'CARD_EXPIRED',
} as const;

export async function exchangeCode(
  deps: Pick<Deps, 'store' | 'pii' | 'clock'>,
  services: ServicesDeps,
  partner: PartnerRecord,
  { code, scopes }: Pick<ExchangeEvent, 'code' | 'scopes'>,
): Promise<ExchangeResult> {
  const now = deps.clock.now();
  const claims = services.codes.read(code);
  if (!claims) throw new EidError('AUTH_CODE_INVALID');
  if (claims.partnerId !== partner.id) throw new EidError('AUTH_CODE_FOREIGN');
  if (claims.expiresAt.getTime() <= now.getTime()) throw new EidError('AUTH_CODE_EXPIRED');
  const record = await services.store.getAuthCode(claims.codeId);
  if (!record || record.partnerId !== partner.id || record.grantId !== claims.grantId || record.tileId !== claims.tileId) {
    throw new EidError('AUTH_CODE_INVALID');
  }
  if (record.usedAt) throw new EidError('AUTH_CODE_USED');

  const grant = await services.store.getGrant(record.grantId);
  const state = grant ? grantStatus(grant, now) : 'revoked';
  if (!grant || state === 'revoked') throw new EidError('GRANT_REVOKED');
  if (state === 'expired') throw new EidError('GRANT_EXPIRED');

  const tile = await services.store.getTile(record.tileId);
  if (!tile) throw new EidError('AUTH_CODE_INVALID');
  const manifest = assertTileServes(tile, partner);

  // A grant releases what its tile still requests: a narrowed tile narrows its old grants too.
  const requestable = new Set<PartnerScope>([...ALWAYS_GRANTED_SCOPES, ...manifest.scopes.required, ...manifest.scopes.optional]);
  const releasable = grant.scopes.filter((scope) => requestable.has(scope));
  const released = scopes ? orderedScopes([...ALWAYS_GRANTED_SCOPES, ...scopes]) : releasable;
  const notGranted = released.find((scope) => !releasable.includes(scope));
  if (notGranted) throw new EidError('SCOPE_NOT_GRANTED', { details: { scope: notGranted } });

  const held = await deps.store.getHeldCard(record.cardId);
  if (!held) throw new EidError('AUTH_CODE_INVALID');
  assertCardActive(held.card, now);

  const attributes = releasePartnerAttributes(held, released, deps.pii, now);
  const subject = services.pairwise.subjectFor(partner.id, held.identity.idIndex);
  const redemption = await services.store.redeemAuthCode(record.id, {
    cardId: held.card.id,
    at: now,
    partnerId: partner.id,
    partnerName: partner.name,
    tileId: tile.id,
    tileTitle: manifest.title,
    grantId: grant.id,
    scopes: released,
  });
  if (redemption !== 'redeemed') throw new EidError(REDEMPTION_REFUSALS[redemption]);

  const idToken = services.releases.sign({
    partnerId: partner.id,
    subject,
    tileId: tile.id,
    scopes: released,
    attributes,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + RELEASE_TOKEN_SECONDS * 1000),
  });
  return { subject, scopes: released, attributes, tileId: tile.id, exchangedAt: now.toISOString(), idToken };
}
