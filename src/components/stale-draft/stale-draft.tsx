import { Text } from '@tarojs/components';
import { useT, type MessageKey } from '../../i18n';
import { restartAt } from '../../navigation/navigation';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { PageFrame } from '../page-frame';

export interface Props {
  /** Prefix for the ids, unique per page. */
  idPrefix: string;
  /** The title of the page it stands in for. */
  titleKey: MessageKey;
}

/** Shown when a step opens without its in-memory draft, e.g. after an h5 reload. */
export function StaleDraft({ idPrefix, titleKey }: Props) {
  const { t } = useT();
  const toCards = () => restartAt('cards');
  return (
    <PageFrame titleKey={titleKey} exit={{ id: `${idPrefix}-header-back`, label: t('common.backToCards'), onTap: toCards }}>
      <Notice id={`${idPrefix}-stale`}>
        <Text>{t('common.stale')}</Text>
      </Notice>
      <ActionButton id={`${idPrefix}-stale-back`} label={t('common.backToCards')} onTap={toCards} />
    </PageFrame>
  );
}
