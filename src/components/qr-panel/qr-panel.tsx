import { Text, View } from '@tarojs/components';
import { SCENES, type Scene } from '../../../core/scenes';
import { attributeNames, sceneLabel } from '../../display/scene-text';
import type { QrScreen } from '../../hooks/use-qr-screen';
import { useT, type MessageKey } from '../../i18n';
import { Notice } from '../notice';
import { QrCode } from '../qr-code';
import { SimulatorCode } from '../simulator-code';
import './qr-panel.scss';

export interface Props {
  scene: Scene;
  token: string;
  secondsLeft: number;
  /** A renewal is on its way, or being retried after a failure. */
  renewal: 'idle' | 'running' | 'retrying';
  screen: QrScreen;
}

/** What the platform could not do for this screen, in words (the h5 simulator cannot do most of it). */
function missingAbilities(screen: QrScreen): MessageKey[] {
  const { abilities } = screen;
  if (!abilities) return [];
  const missing: MessageKey[] = [];
  if (!abilities.brightness) missing.push('qr.cannot.brightness');
  if (!abilities.keepOn) missing.push('qr.cannot.keepOn');
  if (!abilities.captureProtection) missing.push('qr.cannot.capture');
  return missing;
}

/** The code on screen: for which scene, how long it holds, what the scanner gets, and what protects it. */
export function QrPanel({ scene, token, secondsLeft, renewal, screen }: Props) {
  const { t, lang } = useT();
  const name = sceneLabel(scene, lang);
  const missing = missingAbilities(screen);
  return (
    <View id='card-qr-panel' className='eid-qr-panel'>
      {screen.captured && (
        <Notice tone='warning' id='card-qr-captured' title={t('qr.captured')}>
          <Text>{t('qr.capturedHint')}</Text>
        </Notice>
      )}
      <View className='eid-qr-panel__frame'>
        <Text className='eid-qr-panel__scene-label'>{t('qr.sceneShown')}</Text>
        <Text id='card-qr-scene' className='eid-qr-panel__scene-name'>
          {name}
        </Text>
        <QrCode id='card-qr' text={token} label={t('qr.ariaLabel', { scene: name })} />
        <Text id='card-qr-countdown' className='eid-qr-panel__countdown'>
          {t('qr.countdown', { seconds: secondsLeft })}
        </Text>
        {renewal !== 'idle' && (
          <Text id='card-qr-renewal' className='eid-qr-panel__renewal'>
            {t(renewal === 'running' ? 'qr.refreshing' : 'qr.refreshRetry')}
          </Text>
        )}
      </View>
      <Text className='eid-paragraph'>{t('qr.autoRefresh')}</Text>
      <Text id='card-qr-receives' className='eid-paragraph eid-qr-panel__receives'>
        {t('card.receives', { list: attributeNames(SCENES[scene].attributes, t) })}
      </Text>
      {missing.length > 0 && (
        <Notice id='card-qr-limits' title={t('qr.cannotTitle')}>
          {missing.map((key) => (
            <Text key={key} className='eid-paragraph'>
              • {t(key)}
            </Text>
          ))}
        </Notice>
      )}
      <SimulatorCode id='card-qr-text' text={token} />
    </View>
  );
}
