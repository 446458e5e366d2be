import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { ExchangeView } from '../../../core/services-api';
import { api } from '../../api/client';
import { localDateTime } from '../../display/dates';
import { scopeList } from '../../display/service-text';
import { unavailableReason } from '../../display/unavailable';
import { usePagedRecords } from '../../hooks/use-paged-records';
import { useT } from '../../i18n';
import { ActionButton } from '../action-button';
import { FailureNotice } from '../failure-notice';
import { LoadStatus } from '../load-status';
import { Notice } from '../notice';
import './exchange-records.scss';

/**
 * The usage page's second list: each time a government service exchanged one
 * of the citizen's codes — who, which service, when, and what it received
 * (names of attributes, never values) — next to the counter verifications.
 * It lives on the usage page and wears that page's record styles.
 */
export function ExchangeRecords() {
  const { t, lang } = useT();
  const { load, reload, loadMore } = usePagedRecords<ExchangeView>(async (before) => {
    const result = await api.listExchanges(before === undefined ? {} : { before });
    return result.ok ? { ok: true, items: result.exchanges, nextBefore: result.nextBefore } : result;
  });

  useDidShow(() => void reload());

  return (
    <View id='exchanges' className='exchanges'>
      <Text className='eid-subheading'>{t('exchanges.heading')}</Text>
      <Text className='eid-paragraph'>{t('exchanges.intro')}</Text>
      <LoadStatus idPrefix='exchanges' state={load} failedTitle={t('exchanges.loadFailed')} onRetry={() => void reload()} />
      {load.state === 'loaded' && load.items.length === 0 && (
        <Notice id='exchanges-empty'>
          <Text>{t('exchanges.empty')}</Text>
        </Notice>
      )}
      {load.state === 'loaded' &&
        load.items.map((exchange) => (
          // Drawn like the counter verifications above it (the usage page's record classes): one look for one kind of record.
          <View key={exchange.id} id={`exchanges-item-${exchange.id}`} className='eid-panel exchanges__item'>
            <Text className='usage__time'>{localDateTime(exchange.at)}</Text>
            <Text className='usage__organisation'>{exchange.partnerName}</Text>
            <Text className='usage__scene'>{exchange.tileTitle[lang]}</Text>
            <Text className='usage__released'>{t('exchanges.received', { list: scopeList(exchange.scopes, lang, t) })}</Text>
          </View>
        ))}
      {load.state === 'loaded' && typeof load.more === 'object' && (
        <FailureNotice id='exchanges-more-error' failure={load.more} title={t('usage.moreFailed')}>
          <Text className='eid-paragraph'>{t(unavailableReason(load.more) ?? 'next.later')}</Text>
        </FailureNotice>
      )}
      {load.state === 'loaded' && load.nextBefore !== null && (
        <ActionButton
          id='exchanges-more'
          variant='secondary'
          label={t('usage.more')}
          busy={load.more === 'loading'}
          busyLabel={t('common.loading')}
          onTap={() => void loadMore()}
        />
      )}
    </View>
  );
}
