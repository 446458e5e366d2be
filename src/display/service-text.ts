/** What the services pages say about scopes, categories, regions and tiles, from the one vocabulary in core/services. */
import type { Lang } from '../../core/errors';
import { SCOPE_TEXT, TILE_CATEGORIES, TILE_ICONS, type PartnerScope, type TileCategory, type TileIcon } from '../../core/services';
import type { Translate } from '../i18n';

export const scopeLabel = (scope: PartnerScope, lang: Lang): string => SCOPE_TEXT[scope]?.label[lang] ?? scope;
export const scopeMeaning = (scope: PartnerScope, lang: Lang): string => SCOPE_TEXT[scope]?.meaning[lang] ?? '';
export const categoryLabel = (category: TileCategory, lang: Lang): string => TILE_CATEGORIES[category]?.[lang] ?? category;
export const iconGlyph = (icon: TileIcon): string => TILE_ICONS[icon] ?? '办';

/** "full name、date of birth": what a service may receive or received, never the values. */
export function scopeList(scopes: readonly PartnerScope[], lang: Lang, t: Translate): string {
  return scopes.map((scope) => scopeLabel(scope, lang)).join(t('common.listSeparator'));
}
