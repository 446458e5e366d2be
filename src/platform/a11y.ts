/**
 * Screen-reader attributes for a Taro element, spelt the way each platform
 * reads them. Taro picks a11y.h5.ts (plain role / aria-* attributes) or
 * a11y.weapp.ts (ariaRole / ariaLabel / ariaChecked, which
 * config/weapp-aria-plugin.ts adds to WeChat's templates, where Taro drops
 * them by default); this one serves the type checker and other platforms.
 */
export interface A11y {
  role?: 'button' | 'link' | 'checkbox' | 'radio' | 'radiogroup' | 'img' | 'alert' | 'status' | 'heading';
  label?: string;
  checked?: boolean;
}

/** Spread onto a Taro component: `<View {...a11y({ role: 'button', label })}>`. Typed as nothing so any component accepts it. */
export type A11yAttributes = Record<never, never>;

export function a11y(options: A11y): A11yAttributes {
  void options;
  return {};
}
