// Injected into the weapp bundle by weapp-aria-plugin.js: the runtime learns the
// same extra attributes the templates now carry, so both agree on their short names.
import { mergeInternalComponents } from '@tarojs/shared';
import components from './weapp-aria-components.json';

mergeInternalComponents(components);
