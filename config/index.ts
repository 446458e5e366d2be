import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The platform-free rules in core/ are compiled into the app like src/ (webpack skips files outside src by default).
const shared = { include: [path.resolve(__dirname, '..', 'core')] };

/**
 * Taro build config, written by hand (`taro init` needs the network).
 * weapp builds into dist/weapp (project.config.json's miniprogramRoot);
 * h5 builds into dist/h5, which the local emulator serves at /.
 */
export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'e-id-card',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // EID_OUTPUT_ROOT lets a second build run beside the usual one (e.g. a test build).
    outputRoot: process.env.EID_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    // WeChat's templates drop aria-* attributes; this puts them back (see the plugin).
    plugins: [path.resolve(__dirname, 'weapp-aria-plugin.js')],
    // No progress bar: `npm start` and the test builds print a short status instead of hundreds of redrawn lines.
    logger: { quiet: true, stats: false },
    defineConstants: {},
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: shared,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: shared,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        // The h5 build is the local simulator, served from 127.0.0.1 by the emulator; webpack's
        // 244 KiB web-performance hint does not apply to it. The budget that matters to people
        // is the weapp main package (≤ 600 KB), which test/weapp/package-size.test.ts checks.
        chain.performance.hints(false);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
