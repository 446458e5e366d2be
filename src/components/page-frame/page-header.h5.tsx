/**
 * The browser has no WeChat navigation bar (Taro's h5 bar is off: its back and
 * home icons have no names for a screen reader and its title stops at 100 px),
 * so every page draws its own: the title as the page's heading and a back
 * button with a name.
 */
import { useT } from '../../i18n';
import type { HeaderProps } from './types';
import './page-header.scss';

export function PageHeader({ title, exit }: HeaderProps) {
  const { t } = useT();
  return (
    <header className='eid-header'>
      {exit ? (
        <button id={exit.id} type='button' className='eid-header__back' aria-label={exit.label} onClick={exit.onTap}>
          <span aria-hidden='true'>‹ </span>
          {t('common.back')}
        </button>
      ) : (
        <span className='eid-header__spacer' />
      )}
      <h1 id='page-title' className='eid-header__title'>
        {title}
      </h1>
      <span className='eid-header__spacer' />
    </header>
  );
}
