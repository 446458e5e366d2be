import { Text, View } from '@tarojs/components';
import { useT } from '../../i18n';
import { restartAt } from '../../navigation/navigation';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';

export interface Props {
  /** Prefix for the ids, unique per page. */
  idPrefix: string;
}

/** Shown when a step opens without its in-memory draft, e.g. after an h5 reload. */
export function StaleDraft({ idPrefix }: Props) {
  const { t } = useT();
  return (
    <View className='eid-page'>
      <Notice id={`${idPrefix}-stale`}>
        <Text>{t('common.stale')}</Text>
      </Notice>
      <ActionButton id={`${idPrefix}-stale-back`} label={t('common.backToCards')} onTap={() => restartAt('cards')} />
    </View>
  );
}
