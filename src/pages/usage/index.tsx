/** Every use of the card by a verifier, newest first (journey 6): when, who, for what, and which attributes (never their values); below them, what government services received (ExchangeRecords). */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { UsageView } from '../../../core/api';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { ExchangeRecords } from '../../components/exchange-records';
import { FailureNotice } from '../../components/failure-notice';
import { LoadStatus } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { PageFrame } from '../../components/page-frame';
import { unavailableReason } from '../../display/unavailable';
import { localDateTime } from '../../display/dates';
import { attributeNames, sceneLabel } from '../../display/scene-text';
import { usePagedRecords } from '../../hooks/use-paged-records';
import { useT } from '../../i18n';
import { backTo } from '../../navigation/navigation';
import './index.scss';

export default function Usage() {
  const { t, lang } = useT();
  const { load, reload, loadMore } = usePagedRecords<UsageView>(async (before) => {
    const result = await api.listUsage(before === undefined ? {} : { before });
    return result.ok ? { ok: true, items: result.usages, nextBefore: result.nextBefore } : result;
  });

  useDidShow(() => void reload());

  return (
    <PageFrame titleKey='title.usage' exit={{ id: 'usage-header-back', label: t('usage.back'), onTap: () => backTo('card') }}>
      <Text className='eid-heading'>{t('usage.heading')}</Text>
      <Text className='eid-paragraph'>{t('usage.intro')}</Text>

      <LoadStatus idPrefix='usage' state={load} failedTitle={t('usage.loadFailed')} onRetry={() => void reload()} />

      {load.state === 'loaded' && load.items.length === 0 && (
        <Notice id='usage-empty'>
          <Text>{t('usage.empty')}</Text>
        </Notice>
      )}

      {load.state === 'loaded' && load.items.length > 0 && (
        <>
          <View id='usage-list' className='usage__list'>
            {load.items.map((usage) => (
              <View key={usage.id} id='usage-item' className='eid-panel' data-usage-id={usage.id}>
                <Text className='usage__time'>{localDateTime(usage.at)}</Text>
                <Text className='usage__organisation'>{usage.organisation}</Text>
                <Text className='usage__scene'>{sceneLabel(usage.scene, lang)}</Text>
                <Text className='usage__released'>{t('usage.released', { list: attributeNames(usage.attributes, t) })}</Text>
              </View>
            ))}
          </View>
          {typeof load.more === 'object' && (
            <FailureNotice id='usage-more-error' failure={load.more} title={t('usage.moreFailed')}>
              <Text className='eid-paragraph'>{t(unavailableReason(load.more) ?? 'next.later')}</Text>
            </FailureNotice>
          )}
          {load.nextBefore !== null ? (
            <ActionButton
              id='usage-more'
              variant='secondary'
              label={t('usage.more')}
              busy={load.more === 'loading'}
              busyLabel={t('common.loading')}
              onTap={() => void loadMore()}
            />
          ) : (
            <Text id='usage-end' className='eid-paragraph usage__end'>
              {t('usage.end')}
            </Text>
          )}
        </>
      )}

      <ExchangeRecords />

      <View className='eid-actions'>
        <ActionButton id='usage-back' variant='secondary' label={t('usage.back')} onTap={() => backTo('card')} />
      </View>
    </PageFrame>
  );
}
