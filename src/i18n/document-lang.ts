import type { Lang } from '../../core/errors';

/** Mini-programs have no document; document-lang.h5.ts marks the page language for screen readers. */
export function applyDocumentLang(lang: Lang): void {
  void lang;
}
