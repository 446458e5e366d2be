import { Button } from '@tarojs/components';
import { setLang, useT } from '../../i18n';
import './lang-toggle.scss';
import { a11y } from '../../platform/a11y';

export interface Props {
  id?: string;
}

/** 中文 / English switch; the choice is kept on the device. */
export function LangToggle({ id = 'lang-toggle' }: Props) {
  const { t, lang } = useT();
  return (
    <Button id={id} className='eid-lang-toggle' {...a11y({ role: 'button', label: t('lang.toggleLabel') })} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('lang.toggle')}
    </Button>
  );
}
