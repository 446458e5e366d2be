/**
 * WeChat tells the font size the person chose in WeChat's settings:
 * `fontSizeScaleFactor` (newer base libraries) or `fontSizeSetting` in px,
 * 17 being the standard size.
 */
import Taro from '@tarojs/taro';

const STANDARD_FONT_PX = 17;
/** One step above the standard size in WeChat's font setting is already "larger text". */
const LARGE_SCALE = 1.15;

export function prefersLargeText(): boolean {
  try {
    const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number; fontSizeSetting?: number };
    if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor >= LARGE_SCALE;
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return info.fontSizeSetting / STANDARD_FONT_PX >= LARGE_SCALE;
  } catch {
    // An older base library without getAppBaseInfo: no signal.
  }
  return false;
}
