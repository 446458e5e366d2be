import { Text } from '@tarojs/components';
import type { Failure } from '../../../core/api';
import { useT } from '../../i18n';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';

export interface Props {
  /** Prefix of the element ids: `<idPrefix>-loading`, `-error`, `-retry`. */
  idPrefix: string;
  state: { state: 'loading' } | { state: 'failed'; failure: Failure } | { state: string };
  /** Title of the failure notice, e.g. "could not load your card". */
  failedTitle: string;
  onRetry: () => void;
}

/** The loading notice, or the failure with its reason and a retry button; nothing once loaded. */
export function LoadStatus({ idPrefix, state, failedTitle, onRetry }: Props) {
  const { t, errorTitle } = useT();
  if (state.state === 'loading') {
    return (
      <Notice id={`${idPrefix}-loading`}>
        <Text>{t('common.loading')}</Text>
      </Notice>
    );
  }
  if (state.state === 'failed' && 'failure' in state) {
    return (
      <>
        <Notice tone='error' id={`${idPrefix}-error`} title={failedTitle}>
          <Text>{errorTitle(state.failure.code)}</Text>
        </Notice>
        <ActionButton id={`${idPrefix}-retry`} label={t('common.retry')} onTap={onRetry} />
      </>
    );
  }
  return null;
}
