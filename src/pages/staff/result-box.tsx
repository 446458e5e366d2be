/**
 * A staff member's success, for the counter and the upgrade terminal alike:
 * the verdict, what the page has to say (`children`), and when it happened.
 * Announced as a status.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from '../../platform/a11y';

export interface Props {
  /** Prefix of the ids: `<id>-result`, `<id>-result-title`, `<id>-result-time`. */
  id: string;
  verdict: string;
  /** The time line, already in words (e.g. 核验时间：…). */
  time: string;
  children: ReactNode;
}

export function ResultBox({ id, verdict, time, children }: Props) {
  return (
    <View id={`${id}-result`} className='staff__result' {...a11y({ role: 'status' })}>
      <Text id={`${id}-result-title`} className='staff__verdict staff__result-title'>
        ✓ {verdict}
      </Text>
      {children}
      <Text id={`${id}-result-time`} className='staff__time'>
        {time}
      </Text>
    </View>
  );
}
