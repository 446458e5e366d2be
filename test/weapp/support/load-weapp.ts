/**
 * Runs the BUILT weapp (dist/weapp, or $EID_WEAPP_DIR) in miniprogram-simulate:
 * the real WXML (compiled by the official wcc in miniprogram-compiler, with
 * base.wxml and utils.wxs), the real wxss, and the real JS chunks (webpack
 * runtime, Taro runtime, React, our pages), rendered by j-component into jsdom.
 * Needs `@jest-environment jsdom` in the test file.
 *
 * miniprogram-simulate is built for custom components, so a few globals of the
 * WeChat page/app layer are shimmed here. Each shim says why it exists.
 *
 * One app per test file: jest gives every test file its own module registry,
 * and the bundles keep their state (Taro's document, React root, our in-memory
 * stores) in it, like a running mini-program keeps it between page visits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as simulate from 'miniprogram-simulate';

export const BUILD_HINT = 'run `npm run build:weapp` first (`npm test` builds it before jest)';

/** dist/weapp of this repository, or $EID_WEAPP_DIR (e.g. a build made with EID_OUTPUT_ROOT elsewhere). */
export function weappDir(): string {
  return resolve(process.env.EID_WEAPP_DIR || join(__dirname, '..', '..', '..', 'dist', 'weapp'));
}

type Query = Record<string, string>;
/**
 * What simulate.render returns at run time: a j-component RootComponent (its
 * typings say Component) which also has triggerPageLifeTime (not typed).
 */
type Simulated = simulate.RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
> & { triggerPageLifeTime(lifetime: 'show' | 'hide' | 'resize', ...args: unknown[]): void };
type Node = NonNullable<ReturnType<Simulated['querySelector']>>;

/** A call the app made to one of the wx APIs this harness records (navigation, title). */
export interface WxCall {
  api: string;
  options: Record<string, unknown>;
}

/** What a cloud function answers; the harness wraps it as `{ result }` like wx.cloud.callFunction. */
export type CloudHandler = (name: string, data: unknown) => unknown | Promise<unknown>;

/** The object Taro's createPageConfig passes to Page(): lifecycle methods, the `eh` event handler, `data`. */
interface PageOptions {
  data?: Record<string, unknown>;
  behaviors?: unknown[];
  [key: string]: unknown;
}

/** `this` inside a page: the component's method caller, plus what WeChat sets on page instances. */
interface PageThis {
  route: string;
  __route__: string;
  options: Query;
  [key: string]: unknown;
}

interface AppInstance {
  onLaunch?: (options: object) => void;
  onShow?: (options: object) => void;
  [key: string]: unknown;
}

/** The globals this file installs or reads; miniprogram-simulate installs Component, Behavior and wx. */
interface WeappGlobals {
  Component: (options: object) => void;
  Page: (options: PageOptions) => void;
  App: (options: AppInstance) => void;
  getApp: () => AppInstance | undefined;
  getCurrentPages: () => PageThis[];
  requirePlugin: (name: string) => never;
  wx: Record<string, unknown>;
}

const RECORDED_APIS = [
  'navigateTo',
  'redirectTo',
  'reLaunch',
  'switchTab',
  'navigateBack',
  // A partner's mini-program tile (src/platform/open-target.weapp.ts): the code travels in extraData.
  'navigateToMiniProgram',
  'setNavigationBarTitle',
  // The QR screen (src/platform/qr-screen.weapp.ts): brightness, screen kept on, capture protection.
  'getScreenBrightness',
  'setScreenBrightness',
  'setKeepScreenOn',
  'setVisualEffectOnCapture',
] as const;

/** What a recorded API answers on success, where WeChat answers more than errMsg. */
const RECORDED_RESULTS: Partial<Record<(typeof RECORDED_APIS)[number], object>> = {
  getScreenBrightness: { value: 0.4 },
};

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A rendered page, attached to the document. Selectors are WXML ids/classes, e.g. '#enroll-name'. */
export class WeappPage {
  constructor(
    readonly route: string,
    readonly component: Simulated,
    private readonly host: HTMLElement,
  ) {}

  /** What the user reads: the rendered text of the whole page. */
  text(): string {
    return this.component.dom?.textContent ?? '';
  }

  find(selector: string): Node | undefined {
    return this.component.querySelector(selector);
  }

  get(selector: string): Node {
    const node = this.find(selector);
    if (!node) throw new Error(`${this.route}: nothing matches ${selector}`);
    return node;
  }

  /**
   * An attribute as the WXML template set it on the element (e.g. 'value',
   * 'disabled', 'focus', 'placeholder', 'class' without the style-scope prefix).
   * j-component keeps these on its virtual tree, not on the jsdom element.
   */
  attr(selector: string, name: string): unknown {
    return this.get(selector).toJSON().attrs.find((attr) => attr.name === name)?.value;
  }

  /** Types into an <input> the way WeChat reports it: an `input` event whose detail.value is the whole new value. */
  async input(selector: string, value: string): Promise<void> {
    this.get(selector).dispatchEvent('input', { detail: { value, cursor: value.length } });
    await this.settle();
  }

  /** Leaves an <input> (WeChat's `blur` event, which carries the value as shown). */
  async blur(selector: string): Promise<void> {
    this.get(selector).dispatchEvent('blur', { detail: { value: this.attr(selector, 'value') ?? '' } });
    await this.settle();
  }

  async tap(selector: string): Promise<void> {
    this.get(selector).dispatchEvent('tap', { detail: { x: 0, y: 0 } });
    await this.settle();
  }

  /** Runs the page's pageLifetimes (→ onShow/onHide), e.g. to test useDidShow. */
  async show(): Promise<void> {
    this.component.triggerPageLifeTime('show');
    await this.settle();
  }

  async hide(): Promise<void> {
    this.component.triggerPageLifeTime('hide');
    await this.settle();
  }

  /**
   * Waits until the rendered DOM stops changing. An update crosses several
   * asynchronous hops (the simulated event, React's scheduler, Taro's batched
   * setData), so this polls instead of guessing one fixed delay.
   */
  async settle({ quietPolls = 3, everyMs = 4, timeoutMs = 3000 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = this.host.innerHTML;
    for (let quiet = 0; quiet < quietPolls; ) {
      if (Date.now() > deadline) throw new Error(`${this.route} kept re-rendering for ${timeoutMs} ms`);
      await sleep(everyMs);
      const now = this.host.innerHTML;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  }

  /** Unloads the page (detached → onUnload, which unmounts its React tree). */
  async close(): Promise<void> {
    if (!this.host.isConnected) return;
    this.component.detach();
    this.host.remove();
    await sleep(0);
  }
}

export interface Weapp {
  dir: string;
  /** app.json of the build. */
  appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  /** Renders a page (e.g. 'pages/enroll/index') as WeChat opens it: onLoad(query) → onShow → onReady. */
  open(route: string, query?: Query): Promise<WeappPage>;
  /** Calls to wx.navigateTo & co. and wx.setNavigationBarTitle so far, optionally of one API. */
  calls(api?: (typeof RECORDED_APIS)[number]): WxCall[];
  clearCalls(): void;
  /** Answers wx.cloud.callFunction; without one, a call fails saying so. */
  onCallFunction(handler: CloudHandler | undefined): void;
  /** Closes every page still open (for afterEach). */
  closeAll(): Promise<void>;
  /** Takes a "screenshot": runs what pages registered with wx.onUserCaptureScreen. */
  captureScreen(): Promise<void>;
  /** How many wx.onUserCaptureScreen listeners are registered now. */
  captureListeners(): number;
  /** The font scale WeChat reports in getAppBaseInfo (1 = standard). */
  setSystemFontScale(scale: number): void;
}

/** The path part of a navigation URL: '/pages/consent/index?__key_=1' → '/pages/consent/index'. */
export function routeOf(url: unknown): string {
  return String(url ?? '').split('?')[0];
}

let loaded: Weapp | undefined;

/** Loads the build and launches its App once per test file; later calls return the same app. */
export function loadWeapp(): Weapp {
  loaded ??= launch(weappDir());
  return loaded;
}

function launch(dir: string): Weapp {
  const missing = ['app.js', 'app.json', 'base.wxml', 'utils.wxs', 'comp.json'].filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new Error(`No usable weapp build at ${dir} (missing ${missing.join(', ')}): ${BUILD_HINT}.`);
  }
  if (typeof document === 'undefined') {
    throw new Error('miniprogram-simulate renders into jsdom: add `@jest-environment jsdom` to the test file');
  }

  const g = globalThis as unknown as WeappGlobals;
  const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as Weapp['appJson'];
  const stack: PageThis[] = [];
  const open = new Set<WeappPage>();
  const calls: WxCall[] = [];
  let cloudHandler: CloudHandler | undefined;
  let app: AppInstance | undefined;

  // --- Globals the bundles read before any page exists --------------------

  // app.js calls App(config). WeChat keeps that object as the app instance (what
  // getApp() returns) and then runs onLaunch and onShow; Taro's onLaunch runs
  // the app-level hooks (useLaunch). Its React root is made before that, when
  // createReactApp runs, so pages would render without it, but hooks would not.
  g.App = (options) => {
    if (app) throw new Error('App() called twice');
    app = options;
  };
  // Taro copies these three into Taro.getApp/getCurrentPages/requirePlugin when
  // taro.js is first evaluated, so they must exist before app.js is required.
  g.getApp = () => app;
  // The open pages, oldest first, as WeChat returns them. Taro reads the last
  // one (e.g. in transferHydrateData), and src/navigation/navigation reads `route`.
  g.getCurrentPages = () => stack.slice();
  g.requirePlugin = (name) => {
    throw new Error(`requirePlugin('${name}'): the simulator has no mini-program plugins`);
  };

  // Page(config) → Component(definition). The page config has no `methods`
  // block: its functions (onLoad, onShow, onReady, onHide, onUnload, the other
  // page events and `eh`, which every bind* in base.wxml calls) are page
  // methods, so they all become methods; other keys are copied onto the
  // instance as WeChat does. The component lifetimes then replay a page's
  // life: created (route, query) → attached (onLoad, onShow) → ready
  // (onReady) → detached (onUnload). pageLifetimes let a test run show/hide.
  let defining: { route: string; done: boolean } | undefined;
  let nextQuery: Query = {};
  g.Page = (options) => {
    if (!defining) throw new Error('Page() called outside a page load');
    const route = defining.route;
    defining.done = true;
    const { data, behaviors, ...rest } = options;
    const methods: Record<string, unknown> = {};
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) (typeof value === 'function' ? methods : fields)[key] = value;
    const run = (page: PageThis, name: string, ...args: unknown[]) => {
      const method = page[name];
      if (typeof method === 'function') method.apply(page, args);
    };
    g.Component({
      data,
      ...(behaviors ? { behaviors } : {}),
      methods,
      lifetimes: {
        created(this: PageThis) {
          // WeChat deep-copies a page's non-function fields into each instance.
          Object.assign(this, JSON.parse(JSON.stringify(fields)));
          // Taro's router (Current.router.path) and our navigation read the route from the page instance.
          this.route = this.__route__ = route;
          this.options = nextQuery;
        },
        attached(this: PageThis) {
          stack.push(this);
          run(this, 'onLoad', { ...this.options });
          run(this, 'onShow');
        },
        ready(this: PageThis) {
          run(this, 'onReady');
        },
        detached(this: PageThis) {
          run(this, 'onUnload');
          stack.splice(stack.indexOf(this), 1);
        },
      },
      pageLifetimes: {
        show(this: PageThis) {
          run(this, 'onShow');
        },
        hide(this: PageThis) {
          run(this, 'onHide');
        },
        resize(this: PageThis, size: unknown) {
          run(this, 'onResize', size);
        },
      },
    });
  };

  // --- wx: miniprogram-simulate's mock API object, with a few calls recorded ---
  // Taro's promisified APIs look wx[api] up at call time, so replacing entries
  // here (after taro.js has run, too) is seen by Taro.navigateTo & co.
  const wx = g.wx;
  for (const api of RECORDED_APIS) {
    wx[api] = (options: Record<string, unknown> = {}) => {
      calls.push({ api, options });
      // Navigation is recorded, not performed: the test opens the next page itself.
      const res = { errMsg: `${api}:ok`, ...RECORDED_RESULTS[api] };
      (options.success as ((r: object) => void) | undefined)?.(res);
      (options.complete as ((r: object) => void) | undefined)?.(res);
    };
  }
  // Storage that keeps what is set (the simulator's does not): language, 长辈模式, the last scene.
  const storage = new Map<string, unknown>();
  wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
  wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
  wx.removeStorageSync = (key: string) => void storage.delete(key);
  // Screenshots: pages listen with onUserCaptureScreen; a test takes one with captureScreen().
  const captureListeners = new Set<() => void>();
  wx.onUserCaptureScreen = (listener: () => void) => captureListeners.add(listener);
  wx.offUserCaptureScreen = (listener: () => void) => captureListeners.delete(listener);
  // The font size the person chose in WeChat (src/platform/system-font.weapp.ts).
  let fontScale = 1;
  const baseInfo = wx.getAppBaseInfo as (() => Record<string, unknown>) | undefined;
  wx.getAppBaseInfo = () => ({ ...(baseInfo?.() ?? {}), fontSizeScaleFactor: fontScale, fontSizeSetting: Math.round(17 * fontScale) });
  // The phone's fingerprint unlock (SOTER, src/platform/unlock.weapp.ts): present, enrolled and passing.
  wx.checkIsSupportSoterAuthentication = ({ success }: { success: (res: object) => void }) => success({ supportMode: ['fingerPrint'] });
  wx.checkIsSoterEnrolledInDevice = ({ success }: { success: (res: object) => void }) => success({ isEnrolled: true });
  wx.startSoterAuthentication = ({ success }: { success: (res: object) => void }) => success({ errCode: 0, resultJSON: '{}', resultJSONSignature: '' });

  // The simulator's wx has no cloud; src/api/transport.weapp.ts uses it.
  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: unknown }) => {
      if (!cloudHandler) throw new Error(`wx.cloud.callFunction('${name}'): no handler (use weapp.onCallFunction)`);
      return { result: await cloudHandler(name, data), errMsg: 'cloud.callFunction:ok' };
    },
  };

  // --- Launch ------------------------------------------------------------
  // app.js requires its chunks itself (common, vendors, taro, runtime), each
  // pushing onto wx.webpackJsonp; the webpack runtime then runs the app entry.
  // Node's require resolves those relative requires, so nothing is ordered here.
  require(join(dir, 'app.js'));
  if (!app) throw new Error(`${dir}/app.js did not call App(): is this a Taro weapp build? ${BUILD_HINT}.`);
  const launchOptions = { path: appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} };
  app.onLaunch?.(launchOptions);
  app.onShow?.(launchOptions);

  // Every page uses the recursive `comp` component (comp.json/js/wxml). It is
  // loaded once here and handed to each page: under jest, require() caches a
  // chunk for good (miniprogram-simulate's `delete require.cache[...]` does
  // nothing there), so comp.js would not call Component() a second time and a
  // second page's own copy of `comp` would be left undefined.
  const compId = simulate.load(join(dir, 'comp'), { rootPath: dir });

  // Likewise a page's script runs once, so each page is defined once and rendered as often as needed.
  const pageIds = new Map<string, string>();
  function define(route: string): string {
    if (!existsSync(join(dir, `${route}.js`))) throw new Error(`${dir} has no ${route}.js: ${BUILD_HINT}.`);
    defining = { route, done: false };
    try {
      // rootPath: the official compiler compiles the whole build, so `<import src="../../base.wxml"/>` and utils.wxs resolve.
      const id = simulate.load(join(dir, route), { rootPath: dir, usingComponents: { comp: compId } });
      if (!defining.done) throw new Error(`${route}.js did not call Page() (a chunk it needs was not loaded?)`);
      return id;
    } finally {
      defining = undefined;
    }
  }

  let lastOpenedAt = 0;
  return {
    dir,
    appJson,
    async open(route, query = {}) {
      let id = pageIds.get(route);
      if (!id) {
        id = define(route);
        pageIds.set(route, id);
      }
      // Taro keys a page instance by route + query + Date.now(): two opens in one millisecond would share it.
      while (Date.now() === lastOpenedAt) await sleep(1);
      lastOpenedAt = Date.now();
      nextQuery = query;
      const component = simulate.render(id) as Simulated;
      const host = document.createElement('div');
      document.body.appendChild(host);
      component.attach(host);
      const page = new WeappPage(route, component, host);
      open.add(page);
      await page.settle();
      return page;
    },
    calls: (api) => calls.filter((call) => !api || call.api === api),
    clearCalls: () => {
      calls.length = 0;
    },
    onCallFunction: (handler) => {
      cloudHandler = handler;
    },
    async closeAll() {
      for (const page of [...open].reverse()) await page.close();
      open.clear();
    },
    async captureScreen() {
      captureListeners.forEach((listener) => listener());
      for (const page of open) await page.settle();
    },
    captureListeners: () => captureListeners.size,
    setSystemFontScale: (scale) => {
      fontScale = scale;
    },
  };
}
