/**
 * Whether the person has asked their phone or browser for larger text.
 * Taro picks system-font.weapp.ts (WeChat's font size setting) or
 * system-font.h5.ts (the browser's default font size); this one serves the
 * type checker and platforms that do not say.
 */
export function prefersLargeText(): boolean {
  return false;
}
