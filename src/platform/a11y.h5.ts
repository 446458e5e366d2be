/**
 * h5: Taro's web components set an attribute per prop, so `ariaRole` would
 * become a meaningless `ariarole`; plain `role` and `aria-*` reach the DOM.
 * Taro's Button is a <taro-button-core> element with no role of its own, so
 * buttons get role="button" here too, and every control a tab stop.
 */
import type { A11y, A11yAttributes } from './a11y';

const CONTROLS = new Set<A11y['role']>(['button', 'link', 'checkbox', 'radio']);

export function a11y({ role, label, checked }: A11y): A11yAttributes {
  const attributes: Record<string, string> = {};
  if (role) attributes.role = role;
  if (CONTROLS.has(role)) attributes.tabindex = '0';
  if (label !== undefined) attributes['aria-label'] = label;
  if (checked !== undefined) attributes['aria-checked'] = String(checked);
  return attributes;
}
