/**
 * Loads a page of the BUILT weapp (dist/weapp, which `npm test` builds first)
 * into miniprogram-simulate, which renders custom components in jsdom with
 * the real WXML templates, WXS and the Taro runtime + React bundle.
 *
 * miniprogram-simulate only knows `Component()`. Taro's pages call
 * `Page(config)`, so a small shim turns the page config into a component:
 * its functions become methods (the template's `eh` event handler among
 * them), attachment runs `onLoad` (where Taro mounts the React tree) and
 * `ready` runs `onReady`. `App()` only needs to be captured.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import simulate from 'miniprogram-simulate';

export const WEAPP_DIR = resolve(process.env.EID_WEAPP_DIR ?? join(__dirname, '..', '..', 'dist', 'weapp'));

type PageConfig = { data?: Record<string, unknown> } & Record<string, unknown>;
type ShimmedGlobals = {
  Component: (options: object) => void;
  Page: (config: PageConfig) => void;
  App: (config: object) => void;
  getApp: () => object;
  getCurrentPages: () => object[];
};

let appLoaded = false;
/** A page's script registers its component once (require caches it), so each page is loaded once and rendered often. */
const loadedPages = new Map<string, string>();

function installShims(): void {
  const g = globalThis as unknown as ShimmedGlobals;
  g.App = () => undefined;
  g.getApp = () => ({});
  g.getCurrentPages = () => [];
  g.Page = ({ data, ...rest }) => {
    const methods = Object.fromEntries(Object.entries(rest).filter(([, value]) => typeof value === 'function'));
    g.Component({
      data,
      methods,
      lifetimes: {
        attached(this: { onLoad?: (query: object) => void }) {
          this.onLoad?.({});
        },
        ready(this: { onReady?: () => void }) {
          this.onReady?.();
        },
      },
    });
  };
}

/** Renders the page (e.g. 'pages/enroll/index'), attached and mounted. */
export async function renderWeappPage(page: string) {
  if (!existsSync(join(WEAPP_DIR, 'app.js'))) {
    throw new Error(`No weapp build at ${WEAPP_DIR}: run \`npm run build:weapp\` first (npm test does).`);
  }
  installShims();
  if (!appLoaded) {
    require(join(WEAPP_DIR, 'app.js')); // runtime, vendors and the Taro app, in the order the build wrote
    appLoaded = true;
  }
  let id = loadedPages.get(page);
  if (!id) {
    id = simulate.load(join(WEAPP_DIR, page), { rootPath: WEAPP_DIR });
    loadedPages.set(page, id);
  }
  const component = simulate.render(id);
  component.attach(document.createElement('parent-wrapper'));
  await simulate.sleep(30);
  return component;
}

/** Types into an input the way WeChat reports it: an `input` event with detail.value. */
export async function typeInto(component: Awaited<ReturnType<typeof renderWeappPage>>, selector: string, value: string) {
  const input = component.querySelector(selector);
  if (!input) throw new Error(`no ${selector} on the page`);
  input.dispatchEvent('input', { detail: { value } });
  await simulate.sleep(30);
}
