import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderMode } from '../../hooks/use-elder-mode';
import { usePageTitle, useT, type MessageKey } from '../../i18n';
import { PageHeader } from './page-header';
import type { PageExit } from './types';

export interface Props {
  /** The page's title: the navigation bar's on WeChat, the header's in the browser. */
  titleKey: MessageKey;
  /** The way back or out; only the home page has none. */
  exit?: PageExit;
  children: ReactNode;
}

/**
 * Every page's root: its title, its way back or out, and the type scale
 * (standard or age-friendly) that everything inside reads.
 */
export function PageFrame({ titleKey, exit, children }: Props) {
  const { t } = useT();
  const elder = useElderMode();
  usePageTitle(titleKey);
  return (
    <View className={elder ? 'eid-page eid-elder' : 'eid-page'} data-elder={elder ? 'on' : 'off'}>
      <PageHeader title={t(titleKey)} exit={exit} />
      <View className='eid-page__body'>{children}</View>
    </View>
  );
}
