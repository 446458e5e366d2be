import { Text, View } from '@tarojs/components';
import type { Scene } from '../../../core/scenes';
import { sceneLabel } from '../../display/scene-text';
import { useT } from '../../i18n';
import { a11y } from '../../platform/a11y';
import './scene-tabs.scss';

export interface Props {
  /** The group's id; each choice is `<id>-<scene>`. */
  id: string;
  /** What a screen reader calls the group. */
  label: string;
  scenes: readonly Scene[];
  current: Scene;
  onPick: (scene: Scene) => void;
  /** What a screen reader says for a choice; the scene's name by default. */
  optionLabel?: (name: string, selected: boolean) => string;
}

/**
 * Every scene at once as large choices: changing scene is one tap, never a
 * scroll. The current one is marked by a tick, not colour alone. The QR
 * screen and the staff page both choose scenes with it.
 */
export function SceneTabs({ id, label, scenes, current, onPick, optionLabel = (name) => name }: Props) {
  const { lang } = useT();
  return (
    <View id={id} className='eid-scene-tabs' {...a11y({ role: 'radiogroup', label })}>
      {scenes.map((scene) => {
        const selected = scene === current;
        const name = sceneLabel(scene, lang);
        return (
          <View
            key={scene}
            id={`${id}-${scene}`}
            className={selected ? 'eid-scene-tabs__item eid-scene-tabs__item--on' : 'eid-scene-tabs__item'}
            {...a11y({ role: 'radio', checked: selected, label: optionLabel(name, selected) })}
            onClick={() => {
              if (!selected) onPick(scene);
            }}
          >
            <Text className='eid-scene-tabs__mark'>{selected ? '✓' : ''}</Text>
            <Text className='eid-scene-tabs__name'>{name}</Text>
          </View>
        );
      })}
    </View>
  );
}
