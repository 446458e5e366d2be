/** WeChat: aria-role, aria-label and aria-checked on the native component, set through Taro's ariaRole / ariaLabel / ariaChecked props. */
import type { A11y, A11yAttributes } from './a11y';

export function a11y({ role, label, checked }: A11y): A11yAttributes {
  const attributes: Record<string, string | boolean> = {};
  if (role) attributes.ariaRole = role;
  if (label !== undefined) attributes.ariaLabel = label;
  if (checked !== undefined) attributes.ariaChecked = checked;
  return attributes;
}
