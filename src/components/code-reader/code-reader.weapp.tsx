/**
 * WeChat: scan with the camera. The mini-program holds no verifier-terminal
 * key, so the verification that follows can only refuse (VERIFIER_UNKNOWN);
 * the page says so before anyone scans.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useT } from '../../i18n';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import type { Props } from './types';
import './code-reader.scss';

export function CodeReader({ busy, onCode, idPrefix = 'staff', submitLabel, busyLabel, noTerminalNote }: Props) {
  const { t } = useT();
  const [scanFailed, setScanFailed] = useState(false);

  const scan = async () => {
    setScanFailed(false);
    try {
      const { result } = await Taro.scanCode({ scanType: ['qrCode'] });
      if (result) onCode(result);
      else setScanFailed(true);
    } catch (error) {
      // Closing the scanner is not a failure worth a message.
      const message = (error as { errMsg?: string })?.errMsg ?? '';
      if (!message.includes('cancel')) setScanFailed(true);
    }
  };

  return (
    <View className='eid-reader'>
      <Notice id={`${idPrefix}-no-terminal`}>
        <Text>{noTerminalNote ?? t('staff.noTerminal')}</Text>
      </Notice>
      <ActionButton id={`${idPrefix}-scan`} label={submitLabel ?? t('staff.scan')} busy={busy} busyLabel={busyLabel ?? t('staff.verifying')} onTap={() => void scan()} />
      {scanFailed && (
        <Text id={`${idPrefix}-scan-error`} className='eid-explain'>
          {t('staff.scanFailed')}
        </Text>
      )}
    </View>
  );
}
