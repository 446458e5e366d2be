/**
 * The browser: a web target is opened by a redirect that carries the code in
 * its query (the partner's page takes it out of the address at once); a
 * mini-program target cannot be opened outside WeChat.
 */
import { webTargetWithCode, type OpenTarget } from '../navigation/tile-target';

export const openTarget: OpenTarget = async (target, code) => {
  if (target.type !== 'web') return { kind: 'unsupported' };
  window.location.assign(webTargetWithCode(target.url, code));
  return { kind: 'opened' };
};
