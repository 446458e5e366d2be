/**
 * The chosen language: kept on the device, announced to every mounted page so
 * a switch re-renders them all, and marked on the document for screen readers.
 */
import type { Lang } from '../../core/errors';
import { devicePreference } from '../state/device-preference';
import { applyDocumentLang } from './document-lang';

const lang = devicePreference<Lang>('eid.lang', (stored) => (stored === 'en' ? 'en' : 'zh'));
let applied: Lang | undefined;

export function getLang(): Lang {
  const current = lang.get();
  if (applied !== current) {
    applied = current;
    applyDocumentLang(current);
  }
  return current;
}

export function setLang(next: Lang): void {
  lang.set(next);
  getLang();
}

export const subscribeLang = lang.subscribe;
