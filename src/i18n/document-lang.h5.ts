import type { Lang } from '../../core/errors';

/** Screen readers pick their voice from <html lang>. */
export function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
