/** Moving between pages by name (routes.ts), so no page writes a path. */
import Taro from '@tarojs/taro';
import { ROUTES, type PageName } from './routes';

export function goTo(page: PageName): void {
  Taro.navigateTo({ url: ROUTES[page] });
}

export function replaceWith(page: PageName): void {
  Taro.redirectTo({ url: ROUTES[page] });
}

/** Starts over at a page with nothing beneath it. */
export function restartAt(page: PageName): void {
  Taro.reLaunch({ url: ROUTES[page] });
}

function routeOf(page: { route?: string }): string {
  return '/' + (page.route ?? '').replace(/^\//, '').split('?')[0];
}

/**
 * Returns to a page already in the stack (keeping its state), or opens it in
 * place of the current page when it is not there (e.g. after an h5 reload).
 */
export function backTo(page: PageName): void {
  const stack = Taro.getCurrentPages();
  const index = stack.map(routeOf).lastIndexOf(ROUTES[page]);
  if (index >= 0 && index < stack.length - 1) {
    Taro.navigateBack({ delta: stack.length - 1 - index });
  } else if (page === 'cards') {
    restartAt('cards');
  } else {
    replaceWith(page);
  }
}
