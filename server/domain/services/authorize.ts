/**
 * Use case: `citizen.authorize(tileId)`. With the consent screen's answer it
 * records a new grant (replacing the card's earlier grant to the tile);
 * without one, the grant already given must cover the tile. Either way it
 * returns a one-time code for the tile's partner, bound to tile, partner and
 * grant and valid for AUTH_CODE_TTL_SECONDS, and where to take it.
 */
import { levelSatisfies } from '../../../core/card';
import { EidError } from '../../../core/errors';
import { AUTH_CODE_TTL_SECONDS, GRANT_VALIDITY_DAYS } from '../../../core/policy';
import type { AuthorizationView } from '../../../core/services-api';
import { ALWAYS_GRANTED_SCOPES, isSensitiveScope, orderedScopes } from '../../../core/services';
import type { AuthorizeEvent } from '../../../core/services-schemas';
import { assertCardActive } from '../card-rules';
import type { Deps } from '../deps';
import type { ServicesDeps } from '../services-deps';
import type { GrantRecord } from '../services-store';
import type { HeldCard } from '../store';
import { heldCardOf } from './citizen-card';
import { coveringGrant, usableTile, type UsableTile } from './tile-consent';

const DAY_MS = 24 * 3600 * 1000;

export async function authorize(
  deps: Pick<Deps, 'store' | 'clock' | 'random'>,
  services: ServicesDeps,
  holder: string,
  { tileId, consent }: Omit<AuthorizeEvent, 'action'>,
): Promise<AuthorizationView> {
  const held = await heldCardOf(deps, holder);
  const now = deps.clock.now();
  assertCardActive(held.card, now);
  const usable = await usableTile(services, tileId);
  if (!levelSatisfies(held.card.level, usable.manifest.minLevel)) throw new EidError('LEVEL_TOO_LOW');

  const grant = consent
    ? await grantFromConsent(deps, services, held, usable, consent, now)
    : coveringGrant(await services.store.listGrants(held.card.id), tileId, usable.manifest, now);
  if (!grant) throw new EidError('CONSENT_REQUIRED', { reason: 'no_grant' });

  const codeId = deps.random.token(16);
  const expiresAt = new Date(now.getTime() + AUTH_CODE_TTL_SECONDS * 1000);
  await services.store.insertAuthCode({
    id: codeId,
    grantId: grant.id,
    tileId,
    partnerId: usable.partner.id,
    cardId: held.card.id,
    createdAt: now,
    expiresAt,
    usedAt: null,
  });
  const code = services.codes.issue({ codeId, tileId, partnerId: usable.partner.id, grantId: grant.id, expiresAt });
  return { code, expiresAt: expiresAt.toISOString(), target: usable.manifest.target, grantId: grant.id };
}

/** The consent screen's answer as a grant: required scopes, the optional ones ticked, each sensitive one ticked on its own. */
async function grantFromConsent(
  deps: Pick<Deps, 'random'>,
  services: ServicesDeps,
  held: HeldCard,
  { tile, partner, manifest }: UsableTile,
  consent: NonNullable<AuthorizeEvent['consent']>,
  now: Date,
): Promise<GrantRecord> {
  const badOptional = consent.optional.findIndex((scope) => !manifest.scopes.optional.includes(scope));
  if (badOptional >= 0) throw new EidError('INVALID_INPUT', { reason: 'schema', details: { field: `consent.optional.${badOptional}` } });
  const chosen = [...manifest.scopes.required, ...consent.optional];
  const badTick = consent.sensitive.findIndex((scope) => !chosen.includes(scope));
  if (badTick >= 0) throw new EidError('INVALID_INPUT', { reason: 'schema', details: { field: `consent.sensitive.${badTick}` } });
  if (chosen.some((scope) => isSensitiveScope(scope) && !consent.sensitive.includes(scope))) {
    throw new EidError('CONSENT_REQUIRED', { reason: 'sensitive_scope' });
  }
  const grant: GrantRecord = {
    id: `gr_${deps.random.token(12)}`,
    cardId: held.card.id,
    partnerId: partner.id,
    tileId: tile.id,
    scopes: orderedScopes([...ALWAYS_GRANTED_SCOPES, ...chosen]),
    grantedAt: now,
    expiresAt: new Date(now.getTime() + GRANT_VALIDITY_DAYS * DAY_MS),
    revokedAt: null,
    lastUsedAt: null,
  };
  await services.store.insertGrant(grant);
  return grant;
}
