/**
 * The chosen language: read once from storage, kept in memory, and announced
 * to every mounted page so a switch re-renders them all.
 */
import Taro from '@tarojs/taro';
import type { Lang } from '../../core/errors';
import { applyDocumentLang } from './document-lang';

const STORAGE_KEY = 'eid.lang';
const listeners = new Set<() => void>();
let current: Lang | undefined;

export function getLang(): Lang {
  if (current === undefined) {
    let stored: unknown;
    try {
      stored = Taro.getStorageSync(STORAGE_KEY);
    } catch {
      stored = undefined;
    }
    current = stored === 'en' ? 'en' : 'zh';
    applyDocumentLang(current);
  }
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  applyDocumentLang(lang);
  try {
    Taro.setStorageSync(STORAGE_KEY, lang);
  } catch {
    // Storage can be full or denied; the switch still holds for this session.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeLang(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
