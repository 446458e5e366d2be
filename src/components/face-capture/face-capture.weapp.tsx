/**
 * WeChat: the front camera as a preview. No face verification adapter exists
 * yet, so nothing is captured or uploaded and the page says so.
 */
import { Camera, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useT } from '../../i18n';
import type { Props } from './types';
import './face-capture.scss';

export function FaceCapture({ children }: Props) {
  const { t } = useT();
  const [cameraFailed, setCameraFailed] = useState(false);
  return (
    <View id='face-camera' className='eid-capture'>
      {!cameraFailed && (
        <Camera className='eid-capture__camera' devicePosition='front' flash='off' onError={() => setCameraFailed(true)} />
      )}
      <View className='eid-capture__label'>
        <Text>{cameraFailed ? t('face.cameraDenied') : t('face.cameraSimulated')}</Text>
      </View>
      {children}
    </View>
  );
}
