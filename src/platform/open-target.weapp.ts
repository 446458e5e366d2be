/**
 * WeChat: a partner's mini-program opens with navigateToMiniProgram and finds
 * the code in its launch `extraData` (as WeChat's own real-name check hands
 * back a code); a web page opens in the services subpackage's web view, which
 * needs the partner's domain among the app's business domains.
 */
import Taro from '@tarojs/taro';
import { goTo } from '../navigation/navigation';
import { webTargetWithCode, type OpenTarget } from '../navigation/tile-target';
import { handOverWebPage } from '../state/service-choice';

export const openTarget: OpenTarget = (target, code) =>
  new Promise((resolve) => {
    if (target.type === 'web') {
      handOverWebPage(webTargetWithCode(target.url, code));
      goTo('serviceOpen');
      resolve({ kind: 'opened' });
      return;
    }
    Taro.navigateToMiniProgram({
      appId: target.appId,
      path: target.path,
      extraData: { code },
      success: () => resolve({ kind: 'opened' }),
      fail: () => resolve({ kind: 'failed' }),
    });
  });
