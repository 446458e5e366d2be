/**
 * The services journey's vocabulary (DESIGN.md §2, journey 5): what a partner
 * may ask to receive (scopes), how tiles are grouped and drawn, and the
 * states a tile moves through. The consent screen, the manifest schema, the
 * admin's onboarding and the partner exchange all read it from here.
 */

/**
 * Every attribute a partner can be approved for. `verified` (this person holds
 * a verified card) and `pseudonym` (the per-partner subject id, which holds no
 * identity data) come with every grant; the others are asked for per tile.
 */
export const PARTNER_SCOPES = ['verified', 'pseudonym', 'fullName', 'idNumber', 'maskedIdNumber', 'birthDate', 'over18', 'region', 'cardLevel'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export const ALWAYS_GRANTED_SCOPES = ['verified', 'pseudonym'] as const satisfies readonly PartnerScope[];

/** What a tile may request: every scope but the two that come with every grant. */
export const REQUESTABLE_SCOPES = PARTNER_SCOPES.filter(
  (scope): scope is Exclude<PartnerScope, (typeof ALWAYS_GRANTED_SCOPES)[number]> => !(ALWAYS_GRANTED_SCOPES as readonly string[]).includes(scope),
);
export type RequestableScope = (typeof REQUESTABLE_SCOPES)[number];

/**
 * Plaintext identity: released only with the citizen's separate tick for each
 * (as the national online identity service releases it only with separate consent).
 */
export const SENSITIVE_SCOPES = ['fullName', 'idNumber'] as const satisfies readonly RequestableScope[];

export function isSensitiveScope(scope: PartnerScope): boolean {
  return (SENSITIVE_SCOPES as readonly string[]).includes(scope);
}

type Text = { zh: string; en: string };

/** What each scope means, in the words the consent screen and the partner documentation use. */
export const SCOPE_TEXT: Readonly<Record<PartnerScope, { label: Text; meaning: Text }>> = {
  verified: {
    label: { zh: '已核验身份', en: 'Verified identity' },
    meaning: { zh: '您持有经过核验的电子身份证（仅“是”）', en: 'That you hold a verified e-ID card (yes only)' },
  },
  pseudonym: {
    label: { zh: '专属匿名编号', en: 'Pseudonymous id' },
    meaning: {
      zh: '只对该合作方有效的编号，不含任何身份信息，其他合作方无法用它关联您',
      en: 'An id for this partner only; it holds no identity data and other partners cannot link it to you',
    },
  },
  fullName: { label: { zh: '完整姓名', en: 'Full name' }, meaning: { zh: '您的完整姓名', en: 'Your full name' } },
  idNumber: { label: { zh: '完整身份证号码', en: 'Full ID number' }, meaning: { zh: '您完整的 18 位身份证号码', en: 'Your full 18-character ID number' } },
  maskedIdNumber: {
    label: { zh: '部分隐藏的身份证号码', en: 'Masked ID number' },
    meaning: { zh: '只显示前 3 位和后 4 位的身份证号码', en: 'Your ID number with all but the first 3 and last 4 characters hidden' },
  },
  birthDate: { label: { zh: '出生日期', en: 'Date of birth' }, meaning: { zh: '您的出生年月日', en: 'Your date of birth' } },
  over18: { label: { zh: '是否成年', en: 'Over 18' }, meaning: { zh: '您是否年满 18 周岁（仅“是/否”）', en: 'Whether you are 18 or older (yes or no only)' } },
  region: {
    label: { zh: '所属地区', en: 'Region' },
    meaning: { zh: '您身份证号码所属的省、市（行政区划代码）', en: 'The province and city of your ID number (an administrative region code)' },
  },
  cardLevel: { label: { zh: '电子身份证等级', en: 'Card level' }, meaning: { zh: '基础卡或彩色卡', en: 'Basic or colour card' } },
};

/** Tile categories, in the order the services page shows its groups. */
export const TILE_CATEGORIES = {
  pension: { zh: '养老服务', en: 'Pensions' },
  social_insurance: { zh: '社会保险', en: 'Social insurance' },
  housing_fund: { zh: '住房公积金', en: 'Housing fund' },
  tax: { zh: '税务', en: 'Tax' },
  business: { zh: '企业开办', en: 'Business registration' },
  residence: { zh: '户籍居住', en: 'Residence' },
  health: { zh: '医疗健康', en: 'Health' },
  education: { zh: '教育', en: 'Education' },
  transport: { zh: '交通出行', en: 'Transport' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Text>;
export type TileCategory = keyof typeof TILE_CATEGORIES;
export const TILE_CATEGORY_NAMES = Object.keys(TILE_CATEGORIES) as TileCategory[];

/**
 * A tile's icon is one of these glyphs, drawn by the app: a partner's own
 * image would be fetched from the partner's server by every citizen who opens
 * the services page, telling it who looked, and could carry markup.
 */
export const TILE_ICONS = {
  pension: '养',
  shield: '保',
  house: '房',
  receipt: '税',
  briefcase: '企',
  home_id: '居',
  health: '医',
  school: '学',
  car: '行',
  service: '办',
} as const satisfies Record<string, string>;
export type TileIcon = keyof typeof TILE_ICONS;
export const TILE_ICON_NAMES = Object.keys(TILE_ICONS) as TileIcon[];

/** A tile as an admin and its partner see it: a new tile and a widening update wait in `pending`. */
export const TILE_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type TileStatus = (typeof TILE_STATUSES)[number];

/** One submitted version of a tile's manifest; `superseded` when a later one replaced it. */
export const TILE_VERSION_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type TileVersionStatus = (typeof TILE_VERSION_STATUSES)[number];

export const PARTNER_STATUSES = ['active', 'suspended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const GRANT_STATUSES = ['active', 'revoked', 'expired'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** Scopes in the list's order, each once. */
export function orderedScopes(scopes: Iterable<PartnerScope>): PartnerScope[] {
  const chosen = new Set(scopes);
  return PARTNER_SCOPES.filter((scope) => chosen.has(scope));
}
