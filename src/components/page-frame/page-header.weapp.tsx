/**
 * WeChat draws the navigation bar itself: the title (usePageTitle sets it)
 * and the back arrow, or the home button on a page opened alone. Nothing to
 * draw here.
 */
import type { HeaderProps } from './types';

export function PageHeader(_props: HeaderProps) {
  return null;
}
