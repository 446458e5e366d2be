/** Scene and attribute names as the citizen and the staff read them, from the one scene table in core/scenes. */
import { levelSatisfies, type CardLevel } from '../../core/card';
import type { Lang } from '../../core/errors';
import { ATTRIBUTES, PRESENTABLE_SCENES, SCENES, type Attribute, type Scene } from '../../core/scenes';
import type { Translate } from '../i18n';

export function sceneLabel(scene: Scene, lang: Lang): string {
  // A record may name a scene this build does not know yet.
  return SCENES[scene]?.label[lang] ?? scene;
}

/** "full name, full ID number, card level": what a verifier receives, never the values. */
export function attributeNames(attributes: readonly string[], t: Translate): string {
  return attributes
    .map((name) => ((ATTRIBUTES as readonly string[]).includes(name) ? t(`attr.${name as Attribute}`) : name))
    .join(t('common.listSeparator'));
}

/** The scenes a card of this level can show a code for, in the table's order. */
export function presentableScenes(level: CardLevel): Scene[] {
  return PRESENTABLE_SCENES.filter((scene) => levelSatisfies(level, SCENES[scene].minLevel));
}
