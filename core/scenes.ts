/**
 * The scene table (DESIGN.md §3): the one place that says which card level a
 * scene needs and exactly what its verifier receives. The citizen's scene
 * picker, the presentation token and the verifier all read it from here.
 */
import type { CardLevel } from './card';

/** Every attribute a verifier can receive, in the order staff read them. */
export const ATTRIBUTES = ['fullName', 'idNumber', 'maskedIdNumber', 'level', 'adult', 'over18'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export interface ScenePolicy {
  /** The scene's number inside a presentation token. */
  code: number;
  minLevel: CardLevel;
  /** Exactly what a verifier of this scene receives. */
  attributes: readonly Attribute[];
  /** Whether a citizen can show it as a QR code at a counter. */
  presentable: boolean;
  label: { zh: string; en: string };
}

export const SCENES = {
  hotel: { code: 1, minLevel: 'basic', attributes: ['fullName', 'idNumber', 'level'], presentable: true, label: { zh: '酒店入住', en: 'Hotel check-in' } },
  internet_cafe: { code: 2, minLevel: 'basic', attributes: ['fullName', 'maskedIdNumber', 'adult'], presentable: true, label: { zh: '网吧上网', en: 'Internet cafe' } },
  transport: { code: 3, minLevel: 'basic', attributes: ['fullName', 'idNumber'], presentable: true, label: { zh: '交通出行', en: 'Train, coach, flight' } },
  age_check: { code: 4, minLevel: 'basic', attributes: ['over18'], presentable: true, label: { zh: '年龄核验', en: 'Age check' } },
  // Online government business releases per approved partner scope, through the services journey, not a counter QR.
  gov_online: { code: 5, minLevel: 'colour', attributes: [], presentable: false, label: { zh: '政务服务', en: 'Online government services' } },
  // The upgrade code a basic card shows at a registered upgrade terminal: it releases nothing; the terminal submits it with its in-person check and the keypad password.
  upgrade: { code: 6, minLevel: 'basic', attributes: [], presentable: false, label: { zh: '彩色网证升级', en: 'Colour card upgrade' } },
} as const satisfies Record<string, ScenePolicy>;

export type Scene = keyof typeof SCENES;
export const SCENE_NAMES = Object.keys(SCENES) as Scene[];
export const PRESENTABLE_SCENES = SCENE_NAMES.filter((s) => SCENES[s].presentable);

export function sceneByCode(code: number): Scene | undefined {
  return SCENE_NAMES.find((s) => SCENES[s].code === code);
}

/** Released attribute values, by attribute. */
export interface ReleasedAttributes {
  fullName?: string;
  idNumber?: string;
  maskedIdNumber?: string;
  level?: CardLevel;
  adult?: boolean;
  over18?: boolean;
}
