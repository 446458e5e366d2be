/** The browser simulator has no camera to scan with: the staff member pastes the code's text instead, and says so. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useT } from '../../i18n';
import { ActionButton } from '../action-button';
import type { Props } from './types';
import './code-reader.scss';
import { a11y } from '../../platform/a11y';

/** Longer than any real token (~220 characters), short enough that the server refuses junk, not the field. */
const MAX_CODE_LENGTH = 2048;

export function CodeReader({ busy, onCode, idPrefix = 'staff', submitLabel, busyLabel }: Props) {
  const { t } = useT();
  const tokenId = `${idPrefix}-token`;
  const errorId = `${tokenId}-error`;
  const [text, setText] = useState('');
  const [explain, setExplain] = useState(false);
  const code = text.trim();

  const verify = () => {
    if (!code) {
      setExplain(true);
      return;
    }
    onCode(code);
  };

  return (
    <View className={explain ? 'eid-reader eid-reader--simulator eid-reader--error' : 'eid-reader eid-reader--simulator'}>
      {/* Native elements: Taro's h5 Textarea names its wrapper, not the textarea a screen reader reaches. */}
      <label className='eid-reader__label' htmlFor={tokenId}>
        {t('staff.pasteLabel')}
      </label>
      <textarea
        id={tokenId}
        className='eid-reader__paste'
        value={text}
        placeholder={t('staff.pastePlaceholder')}
        maxLength={MAX_CODE_LENGTH}
        aria-invalid={explain ? true : undefined}
        aria-describedby={explain ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setExplain(false);
        }}
      />
      {explain && (
        <Text id={errorId} className='eid-explain' {...a11y({ role: 'alert' })}>
          ⚠ {t('staff.needToken')}
        </Text>
      )}
      <ActionButton
        id={`${idPrefix}-verify`}
        label={submitLabel ?? t('staff.verify')}
        blocked={!code}
        busy={busy}
        busyLabel={busyLabel ?? t('staff.verifying')}
        onTap={verify}
      />
    </View>
  );
}
