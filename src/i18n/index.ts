export { getLang, setLang } from './lang';
export { errorTitle, translator, type Translate, type Vars } from './translate';
export { useT, type I18n } from './use-t';
export { usePageTitle } from './use-page-title';
export type { MessageKey } from './zh';
