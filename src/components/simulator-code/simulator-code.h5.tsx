/** Simulator only: the code's text in a collapsed area, to paste into the staff page instead of scanning. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useT } from '../../i18n';
import { ActionButton } from '../action-button';
import type { Props } from './types';
import './simulator-code.scss';

export function SimulatorCode({ id, text }: Props) {
  const { t } = useT();
  const copy = () => {
    Taro.setClipboardData({ data: text }).catch(() => undefined);
  };
  return (
    <details id={`${id}-area`} className='eid-simcode'>
      <summary id={`${id}-toggle`} className='eid-simcode__summary'>
        {t('simcode.toggle')}
      </summary>
      <View className='eid-simcode__body'>
        <Text className='eid-simcode__hint'>{t('simcode.hint')}</Text>
        <Text id={id} className='eid-simcode__text' userSelect>
          {text}
        </Text>
        <ActionButton id={`${id}-copy`} variant='secondary' label={t('simcode.copy')} onTap={copy} />
      </View>
    </details>
  );
}
