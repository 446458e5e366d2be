/**
 * Screen-reader attributes on WeChat. Taro's weapp templates list each
 * component's attributes and leave out aria-role, aria-label and aria-checked,
 * so `ariaLabel` on a View never reaches the native component (WeChat's
 * screen readers read those attributes). This plugin adds them to the
 * templates and tells the runtime about them, the way @tarojs/plugin-inject
 * does, without that package's other machinery. Only for weapp: h5 sets real
 * DOM attributes (src/platform/a11y.h5.ts).
 */
const path = require('node:path');
const components = require('./weapp-aria-components.json');

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (platform.platform !== 'weapp' || !platform.template) return;
      platform.template.mergeComponents(ctx, components);
      const runtime = path.join(__dirname, 'weapp-aria-runtime.js');
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime];
    },
  });
};
