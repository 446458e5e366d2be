import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './notice.scss';
import { a11y } from '../../platform/a11y';

export type NoticeTone = 'info' | 'warning' | 'error';

export interface Props {
  tone?: NoticeTone;
  id?: string;
  title?: string;
  titleId?: string;
  children?: ReactNode;
}

const ICONS: Record<NoticeTone, string> = { info: '', warning: '⚠ ', error: '⚠ ' };

/** A framed message: loading and empty states, a warning, or a problem to explain (marked by a sign, not colour alone). */
export function Notice({ tone = 'info', id, title, titleId, children }: Props) {
  return (
    <View id={id} className={`eid-notice eid-notice--${tone}`} {...a11y({ role: tone === 'info' ? undefined : 'alert' })}>
      {title && (
        <View className='eid-notice__title'>
          {ICONS[tone] && <Text className='eid-notice__icon'>{ICONS[tone]}</Text>}
          <Text id={titleId}>{title}</Text>
        </View>
      )}
      {children}
    </View>
  );
}
