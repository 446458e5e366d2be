/**
 * Which authority answers a face check, in the citizen's words. The server
 * names it in English for logs ("SIMULATED identity authority"); the
 * simulator is labelled Chinese first, English in brackets, and any other
 * authority's own label is shown as it is.
 */
import type { Translate } from '../i18n';

export function authorityLabel(label: string, t: Translate): string {
  return /simulated/i.test(label) ? t('face.authority.simulated') : label;
}
