import type { ReactNode } from 'react';
import type { Failure } from '../../../core/api';
import { failureTitleKey } from '../../display/failure-text';
import { useT } from '../../i18n';
import { Notice } from '../notice';
import { SupportLine } from './support-line';

export interface Props {
  id: string;
  failure: Failure;
  /** A title of the page's own ("your card could not be loaded"); otherwise the failure's words. */
  title?: string;
  titleId?: string;
  /** What it means and what to do next. */
  children?: ReactNode;
}

/** A failure as words and a next step, with the stable code only in the small support line. */
export function FailureNotice({ id, failure, title, titleId, children }: Props) {
  const { t, errorTitle } = useT();
  const narrowed = failureTitleKey(failure);
  return (
    <Notice tone='error' id={id} title={title ?? (narrowed ? t(narrowed) : errorTitle(failure.code))} titleId={titleId}>
      {children}
      <SupportLine id={`${id}-support`} failure={failure} />
    </Notice>
  );
}
