/** Every verification of the card, newest first (journey 6): when, who, for what, and which attributes (never their values). */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Failure, UsageView } from '../../../core/api';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { LoadStatus } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { usePageTitle, useT } from '../../i18n';
import { localDateTime } from '../../lib/dates';
import { backTo } from '../../lib/navigation';
import { attributeNames, sceneLabel } from '../../lib/scene-text';
import './index.scss';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; failure: Failure }
  | { state: 'loaded'; records: UsageView[]; nextBefore: number | null; more: 'idle' | 'loading' | Failure };

export default function Records() {
  const { t, lang, errorTitle } = useT();
  usePageTitle('title.records');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const latestCall = useRef(0);

  const reload = async () => {
    const call = ++latestCall.current;
    setLoad({ state: 'loading' });
    const result = await api.listUsage({});
    if (call !== latestCall.current) return;
    setLoad(result.ok ? { state: 'loaded', records: result.records, nextBefore: result.nextBefore, more: 'idle' } : { state: 'failed', failure: result });
  };

  const loadMore = async () => {
    if (load.state !== 'loaded' || load.nextBefore === null || load.more === 'loading') return;
    const call = ++latestCall.current;
    const shown = load;
    setLoad({ ...shown, more: 'loading' });
    const result = await api.listUsage({ before: shown.nextBefore ?? undefined });
    if (call !== latestCall.current) return;
    setLoad(
      result.ok
        ? { state: 'loaded', records: [...shown.records, ...result.records], nextBefore: result.nextBefore, more: 'idle' }
        : { ...shown, more: result },
    );
  };

  useDidShow(() => void reload());

  return (
    <View className='eid-page'>
      <Text className='eid-heading'>{t('records.heading')}</Text>
      <Text className='eid-paragraph'>{t('records.intro')}</Text>

      <LoadStatus idPrefix='records' state={load} failedTitle={t('records.loadFailed')} onRetry={() => void reload()} />

      {load.state === 'loaded' && load.records.length === 0 && (
        <Notice id='records-empty'>
          <Text>{t('records.empty')}</Text>
        </Notice>
      )}

      {load.state === 'loaded' && load.records.length > 0 && (
        <>
          <View id='records-list' className='records__list'>
            {load.records.map((record) => (
              <View key={record.id} id='records-item' className='records__item' data-record-id={record.id}>
                <Text className='records__time'>{localDateTime(record.at)}</Text>
                <Text className='records__organisation'>{record.organisation}</Text>
                <Text className='records__scene'>{sceneLabel(record.scene, lang)}</Text>
                <Text className='records__released'>{t('records.released', { list: attributeNames(record.attributes, t) })}</Text>
              </View>
            ))}
          </View>
          {typeof load.more === 'object' && (
            <Notice tone='error' id='records-more-error' title={errorTitle(load.more.code)} />
          )}
          {load.nextBefore !== null ? (
            <ActionButton
              id='records-more'
              variant='secondary'
              label={t('records.more')}
              busy={load.more === 'loading'}
              busyLabel={t('common.loading')}
              onTap={() => void loadMore()}
            />
          ) : (
            <Text id='records-end' className='eid-paragraph records__end'>
              {t('records.end')}
            </Text>
          )}
        </>
      )}

      <View className='eid-actions'>
        <ActionButton id='records-back' variant='secondary' label={t('records.back')} onTap={() => backTo('card')} />
      </View>
    </View>
  );
}
