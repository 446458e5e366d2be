import { useMemo, useSyncExternalStore } from 'react';
import type { Lang } from '../../core/errors';
import { getLang, subscribeLang } from './lang';
import { errorTitle, translator, type Translate } from './translate';

export interface I18n {
  lang: Lang;
  t: Translate;
  /** The title of a failure code in the current language. */
  errorTitle: (code: string) => string;
}

/** Texts in the current language; re-renders the page when it is switched. */
export function useT(): I18n {
  const lang = useSyncExternalStore(subscribeLang, getLang, getLang);
  return useMemo(() => ({ lang, t: translator(lang), errorTitle: (code: string) => errorTitle(code, lang) }), [lang]);
}
