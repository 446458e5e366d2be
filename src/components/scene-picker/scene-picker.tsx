import { Text, View } from '@tarojs/components';
import { SCENES, type Scene } from '../../../core/scenes';
import { attributeNames, sceneLabel } from '../../display/scene-text';
import { useT } from '../../i18n';
import './scene-picker.scss';
import { a11y } from '../../platform/a11y';

export interface Props {
  scenes: readonly Scene[];
  onPick: (scene: Scene) => void;
}

/** One large choice per scene, each saying exactly what that scene's verifier receives. */
export function ScenePicker({ scenes, onPick }: Props) {
  const { t, lang } = useT();
  return (
    <View id='scene-picker' className='eid-scenes'>
      {scenes.map((scene) => {
        const name = sceneLabel(scene, lang);
        const receives = t('card.receives', { list: attributeNames(SCENES[scene].attributes, t) });
        return (
          <View
            key={scene}
            id={`scene-${scene}`}
            className='eid-scenes__item'
            {...a11y({ role: 'button', label: `${name}. ${receives}` })}
            onClick={() => onPick(scene)}
          >
            <View className='eid-scenes__text'>
              <Text className='eid-scenes__name'>{name}</Text>
              <Text id={`scene-${scene}-receives`} className='eid-scenes__receives'>
                {receives}
              </Text>
            </View>
            <Text className='eid-scenes__go'>›</Text>
          </View>
        );
      })}
    </View>
  );
}
