import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './notice.scss';

export type NoticeTone = 'info' | 'error';

export interface Props {
  tone?: NoticeTone;
  id?: string;
  title?: string;
  titleId?: string;
  children?: ReactNode;
}

/** A framed message: loading and empty states, or a problem to explain. */
export function Notice({ tone = 'info', id, title, titleId, children }: Props) {
  return (
    <View id={id} className={`eid-notice eid-notice--${tone}`} ariaRole={tone === 'error' ? 'alert' : undefined}>
      {title && (
        <View className='eid-notice__title'>
          {tone === 'error' && <Text className='eid-notice__icon'>⚠ </Text>}
          <Text id={titleId}>{title}</Text>
        </View>
      )}
      {children}
    </View>
  );
}
