import { Text, View } from '@tarojs/components';
import { SCENES, type Scene } from '../../../core/scenes';
import { attributeNames, sceneLabel } from '../../display/scene-text';
import { useT } from '../../i18n';
import { QrCode } from '../qr-code';
import { SimulatorCode } from '../simulator-code';
import './qr-panel.scss';

export interface Props {
  scene: Scene;
  token: string;
  secondsLeft: number;
  /** A renewal is on its way, or being retried after a failure. */
  renewal: 'idle' | 'running' | 'retrying';
}

/** The code on screen: for which scene, what the scanner gets, and how long it holds. */
export function QrPanel({ scene, token, secondsLeft, renewal }: Props) {
  const { t, lang } = useT();
  const name = sceneLabel(scene, lang);
  return (
    <View id='card-qr-panel' className='eid-qr-panel'>
      <View className='eid-qr-panel__scene'>
        <Text className='eid-qr-panel__scene-label'>{t('qr.sceneLabel')}</Text>
        <Text id='card-qr-scene' className='eid-qr-panel__scene-name'>
          {name}
        </Text>
      </View>
      <QrCode id='card-qr' text={token} label={t('qr.ariaLabel', { scene: name })} />
      <Text id='card-qr-countdown' className='eid-qr-panel__countdown'>
        {t('qr.countdown', { seconds: secondsLeft })}
      </Text>
      {renewal !== 'idle' && (
        <Text id='card-qr-renewal' className='eid-qr-panel__renewal'>
          {t(renewal === 'running' ? 'qr.refreshing' : 'qr.refreshRetry')}
        </Text>
      )}
      <Text className='eid-paragraph'>{t('qr.autoRefresh')}</Text>
      <Text id='card-qr-receives' className='eid-paragraph eid-qr-panel__receives'>
        {t('card.receives', { list: attributeNames(SCENES[scene].attributes, t) })}
      </Text>
      <SimulatorCode id='card-qr-text' text={token} />
    </View>
  );
}
