/** The browser simulator has no camera: a labelled panel, so nobody mistakes it for a real check. */
import { Text, View } from '@tarojs/components';
import { useT } from '../../i18n';
import type { Props } from './types';
import './face-capture.scss';

export function FaceCapture({ children }: Props) {
  const { t } = useT();
  return (
    <View id='face-simulator' className='eid-capture eid-capture--simulator'>
      <View className='eid-capture__label'>
        <Text>{t('face.simulator')}</Text>
      </View>
      <View className='eid-capture__hint'>
        <Text>{t('face.simulatorHint')}</Text>
      </View>
      {children}
    </View>
  );
}
