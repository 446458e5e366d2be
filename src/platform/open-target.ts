/**
 * Opening a tile's target with its one-time code. Taro picks
 * open-target.weapp.ts (navigateToMiniProgram with the code in extraData, or
 * the in-app web view for a web page) or open-target.h5.ts (a redirect with
 * the code); this one serves the type checker and platforms that can open
 * neither.
 */
import type { OpenTarget } from '../navigation/tile-target';

export const openTarget: OpenTarget = async () => ({ kind: 'unsupported' });
