/**
 * A partner's tile manifest: the one schema that validates a submission and,
 * exported as JSON Schema (`npm run partner -- schema`,
 * docs/partners/tile-manifest.schema.json), tells partners what to send.
 *
 * Every rule is one zod can say and JSON Schema can carry (patterns, lengths,
 * enums), so the exported schema refuses what the service refuses. What needs
 * the partner's registration (its domains, appIds and allowed scopes) is
 * checked by the use case (server/domain/services/submit-tile.ts).
 */
import { z } from 'zod';
import { CARD_LEVELS } from './card';
import { isRegionCode, NATIONWIDE } from './service-regions';
import { REQUESTABLE_SCOPES, TILE_CATEGORY_NAMES, TILE_ICON_NAMES, type RequestableScope, type TileCategory, type TileIcon } from './services';

/**
 * Text shown to citizens: no markup (`<`, `>`), no control, bidirectional or
 * zero-width characters, which could disguise what a citizen reads. The
 * refusal's message is the input reason the boundary reports (`markup`).
 */
export const PLAIN_TEXT_PATTERN = /^[^<>\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]*$/;

export const plainText = (min: number, max: number) => z.string().min(min).max(max).regex(PLAIN_TEXT_PATTERN, 'markup');

const bilingual = (max: { zh: number; en: number }) =>
  z.object({ zh: plainText(1, max.zh), en: plainText(1, max.en) }).strict();

/** A hostname: lower-case labels of letters, digits and hyphens, at least one dot; or a loopback name (emulator only, checked at onboarding). */
export const HOSTNAME_PATTERN = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|localhost|127\.0\.0\.1)$/;

/**
 * https on any host, or http on a loopback host (a secure context in every
 * browser, so the emulator's sample partner can be a real page); no user
 * info, no fragment, only URL characters. Whether the host is the partner's
 * registered domain is the use case's check.
 */
export const TARGET_URL_PATTERN =
  /^(?:https:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|http:\/\/(?:localhost|127\.0\.0\.1))(?::\d{1,5})?(?:\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$/;

/** The host of a URL TARGET_URL_PATTERN accepted. */
export function hostOfTargetUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').split(/[/:?]/)[0];
}

export const APP_ID_PATTERN = /^wx[0-9a-f]{16}$/;
/** A mini-program page path: no leading slash, no `..`, an optional query of URL characters. */
export const MINI_PROGRAM_PATH_PATTERN = /^(?!.*\.\.)[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_.-]+)*(?:\?[A-Za-z0-9\-._~%=&]*)?$/;

export const tileTargetSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('miniProgram'),
      appId: z.string().regex(APP_ID_PATTERN),
      path: z.string().max(200).regex(MINI_PROGRAM_PATH_PATTERN),
    })
    .strict(),
  z
    .object({
      type: z.literal('web'),
      url: z.string().max(500).regex(TARGET_URL_PATTERN),
    })
    .strict(),
]);
export type TileTarget = z.infer<typeof tileTargetSchema>;

export const regionEntrySchema = z.string().regex(new RegExp(`^(?:${NATIONWIDE}|\\d{4}00)$`));

const scopeList = z.array(z.enum(REQUESTABLE_SCOPES as [RequestableScope, ...RequestableScope[]])).max(REQUESTABLE_SCOPES.length);

export const TILE_MAX_REGIONS = 50;

export const tileManifestSchema = z
  .object({
    title: bilingual({ zh: 20, en: 60 }),
    description: bilingual({ zh: 120, en: 300 }),
    icon: z.enum(TILE_ICON_NAMES as [TileIcon, ...TileIcon[]]),
    category: z.enum(TILE_CATEGORY_NAMES as [TileCategory, ...TileCategory[]]),
    /** `["nationwide"]`, or GB/T 2260 province (`110000`) and city (`440300`) codes. */
    regions: z.array(regionEntrySchema).min(1).max(TILE_MAX_REGIONS),
    minLevel: z.enum(CARD_LEVELS),
    target: tileTargetSchema,
    /** Required scopes come with every grant; optional ones the citizen may untick. `verified` and `pseudonym` always come. */
    scopes: z.object({ required: scopeList, optional: scopeList }).strict(),
    /** Why the partner asks, shown on the consent screen. */
    purpose: bilingual({ zh: 200, en: 500 }),
  })
  .strict()
  .superRefine((manifest, context) => {
    const { regions, scopes } = manifest;
    if (regions.includes(NATIONWIDE) && regions.length > 1) {
      context.addIssue({ code: 'custom', path: ['regions'], message: 'nationwide stands alone' });
    }
    if (new Set(regions).size !== regions.length) context.addIssue({ code: 'custom', path: ['regions'], message: 'repeated region' });
    regions.forEach((region, i) => {
      if (region !== NATIONWIDE && !isRegionCode(region)) context.addIssue({ code: 'custom', path: ['regions', i], message: 'unknown province' });
    });
    const seen = new Set<string>();
    (['required', 'optional'] as const).forEach((kind) =>
      scopes[kind].forEach((scope, i) => {
        if (seen.has(scope)) context.addIssue({ code: 'custom', path: ['scopes', kind, i], message: 'repeated scope' });
        seen.add(scope);
      }),
    );
  });
export type TileManifest = z.infer<typeof tileManifestSchema>;
