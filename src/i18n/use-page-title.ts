import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import type { MessageKey } from './zh';
import { useT } from './use-t';

/** Keeps the navigation bar title in the current language. */
export function usePageTitle(key: MessageKey): void {
  const { t } = useT();
  const title = t(key);
  const apply = () => {
    Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  };
  useEffect(apply, [title]);
  useDidShow(apply);
}
