import { Text } from '@tarojs/components';
import type { CardLoad } from '../../hooks/use-held-card';
import { useT } from '../../i18n';
import { LoadStatus } from '../load-status';
import { Notice } from '../notice';

export interface Props {
  /** Prefix of the loading and failure ids (LoadStatus). */
  idPrefix: string;
  /** Id of the notice that says there is no card. */
  noneId: string;
  load: CardLoad;
  onRetry: () => void;
}

/** What a page about the held card shows until it has one: loading, a failure with a retry, or that there is no card and what to do. */
export function HeldCardStatus({ idPrefix, noneId, load, onRetry }: Props) {
  const { t } = useT();
  return (
    <>
      <LoadStatus idPrefix={idPrefix} state={load} failedTitle={t('card.loadFailed')} onRetry={onRetry} />
      {load.state === 'loaded' && load.card === null && (
        <Notice tone='error' id={noneId} title={t('card.none')}>
          <Text>{t('card.noneHint')}</Text>
        </Notice>
      )}
    </>
  );
}
