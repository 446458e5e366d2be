/** The browser simulator has no camera to scan with: the staff member pastes the code's text instead, and says so. */
import { Label, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useT } from '../../i18n';
import { ActionButton } from '../action-button';
import type { Props } from './types';
import './code-reader.scss';

/** Longer than any real token (~220 characters), short enough that the server refuses junk, not the field. */
const MAX_CODE_LENGTH = 2048;

export function CodeReader({ busy, onCode }: Props) {
  const { t } = useT();
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
    <View className='eid-reader eid-reader--simulator'>
      <Label className='eid-reader__label' for='staff-token'>
        {t('staff.pasteLabel')}
      </Label>
      <Textarea
        id='staff-token'
        className='eid-reader__paste'
        value={text}
        placeholder={t('staff.pastePlaceholder')}
        maxlength={MAX_CODE_LENGTH}
        ariaLabel={t('staff.pasteLabel')}
        onInput={(event) => {
          setText(event.detail.value);
          setExplain(false);
        }}
      />
      <ActionButton
        id='staff-verify'
        label={t('staff.verify')}
        blocked={!code}
        busy={busy}
        busyLabel={t('staff.verifying')}
        onTap={verify}
      />
      {explain && (
        <Text id='staff-token-error' className='eid-explain'>
          {t('staff.needToken')}
        </Text>
      )}
    </View>
  );
}
