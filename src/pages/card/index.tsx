/** The e-ID card itself: masked data only; the QR comes with journey 2. */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CardView, Failure } from '../../../core/api';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { Notice } from '../../components/notice';
import { usePageTitle, useT } from '../../i18n';
import { backTo } from '../../lib/navigation';
import './index.scss';

type Load = { state: 'loading' } | { state: 'loaded'; card: CardView | null } | { state: 'failed'; failure: Failure };

export default function Card() {
  const { t, errorTitle } = useT();
  usePageTitle('title.card');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const latestCall = useRef(0);

  const reload = async () => {
    const call = ++latestCall.current;
    setLoad({ state: 'loading' });
    const result = await api.getCard();
    if (call !== latestCall.current) return;
    setLoad(result.ok ? { state: 'loaded', card: result.card } : { state: 'failed', failure: result });
  };

  useDidShow(() => void reload());

  return (
    <View className='eid-page'>
      {load.state === 'loading' && (
        <Notice id='card-loading'>
          <Text>{t('common.loading')}</Text>
        </Notice>
      )}
      {load.state === 'failed' && (
        <>
          <Notice tone='error' id='card-error' title={errorTitle(load.failure.code)} />
          <ActionButton id='card-retry' label={t('common.retry')} onTap={() => void reload()} />
        </>
      )}
      {load.state === 'loaded' && load.card === null && <Notice tone='error' id='card-error' title={errorTitle('CARD_NOT_FOUND')} />}
      {load.state === 'loaded' && load.card !== null && (
        <>
          <CardFace card={load.card} idPrefix='card' variant='full' />
          <Text className='eid-paragraph card__note'>{t('card.masked')}</Text>
          <Text className='eid-paragraph card__note'>{t('card.qrLater')}</Text>
        </>
      )}
      <View className='eid-actions'>
        <ActionButton id='card-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />
      </View>
    </View>
  );
}
