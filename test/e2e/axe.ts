/**
 * axe-core in the page (injected from node_modules, never downloaded): every
 * interactive element has an accessible name, and text contrast is ≥ 4.5:1.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(__filename).resolve('axe-core');

/** The axe rules about names of interactive elements, plus contrast. */
export const NAME_AND_CONTRAST_RULES = [
  'button-name',
  'link-name',
  'input-button-name',
  'label',
  'select-name',
  'aria-command-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-tooltip-name',
  'aria-progressbar-name',
  'aria-meter-name',
  'role-img-alt',
  'image-alt',
  'svg-img-alt',
  'frame-title',
  'color-contrast',
];

export interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return result.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  }, NAME_AND_CONTRAST_RULES);
}

/** A readable list for a failed expectation. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `${where}: ${v.id} (${v.help})\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}
