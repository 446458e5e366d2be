import { Text } from '@tarojs/components';
import type { Failure } from '../../../core/api';
import { unavailableReason } from '../../display/unavailable';
import { useT } from '../../i18n';
import { ActionButton } from '../action-button';
import { FailureNotice } from '../failure-notice';
import { Notice } from '../notice';

export interface Props {
  /** Prefix of the element ids: `<idPrefix>-loading`, `-error`, `-retry`. */
  idPrefix: string;
  state: { state: 'loading' } | { state: 'failed'; failure: Failure } | { state: string };
  /** Title of the failure notice, e.g. "could not load your card". */
  failedTitle: string;
  onRetry: () => void;
}

/** The loading notice, or the failure with what to do and a retry button; nothing once loaded. */
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
    const { failure } = state;
    return (
      <>
        <FailureNotice id={`${idPrefix}-error`} failure={failure} title={failedTitle}>
          <Text className='eid-paragraph'>
            {errorTitle(failure.code)}
            {t('common.sentenceBreak')}
            {t(unavailableReason(failure) ?? 'next.later')}
          </Text>
        </FailureNotice>
        <ActionButton id={`${idPrefix}-retry`} label={t('common.retry')} onTap={onRetry} />
      </>
    );
  }
  return null;
}
