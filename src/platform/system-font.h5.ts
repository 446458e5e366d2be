/**
 * The browser's default font size (the person's "font size" setting) is what
 * `font-size: medium` resolves to; Taro sets the root size itself, so it is
 * measured on a probe element. 16 px is every browser's standard.
 */
const STANDARD_FONT_PX = 16;
const LARGE_SCALE = 1.15;

export function prefersLargeText(): boolean {
  if (typeof document === 'undefined' || !document.body) return false;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
  document.body.appendChild(probe);
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return Number.isFinite(px) && px / STANDARD_FONT_PX >= LARGE_SCALE;
}
