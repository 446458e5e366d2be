/** Home: the card package. Shows the card once issued, or invites enrolment. */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { CardView, Failure } from '../../../core/api';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { LangToggle } from '../../components/lang-toggle';
import { LoadStatus } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { usePageTitle, useT } from '../../i18n';
import { goTo } from '../../lib/navigation';
import { clearDraft } from '../../state/enrolment';
import { clearLastResult } from '../../state/last-result';
import './index.scss';

type Load = { state: 'loading' } | { state: 'loaded'; card: CardView | null } | { state: 'failed'; failure: Failure };

export default function Cards() {
  const { t } = useT();
  usePageTitle('title.cards');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const latestCall = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latestCall.current;
    setLoad({ state: 'loading' });
    const result = await api.getCard();
    if (call !== latestCall.current) return;
    setLoad(result.ok ? { state: 'loaded', card: result.card } : { state: 'failed', failure: result });
  }, []);

  useDidShow(() => {
    // Back on the home page, any unfinished application is abandoned.
    clearDraft();
    clearLastResult();
    void reload();
  });

  const startEnrolment = () => {
    clearDraft();
    goTo('enroll');
  };

  return (
    <View className='eid-page'>
      <View className='cards__top'>
        <Text className='eid-heading'>{t('cards.heading')}</Text>
        <LangToggle />
      </View>

      <LoadStatus idPrefix='cards' state={load} failedTitle={t('cards.loadFailed')} onRetry={() => void reload()} />

      {load.state === 'loaded' && load.card === null && (
        <View id='cards-empty'>
          <Notice title={t('cards.empty')}>
            <Text>{t('cards.emptyHint')}</Text>
          </Notice>
          <ActionButton id='enroll-start' label={t('cards.start')} onTap={startEnrolment} />
        </View>
      )}

      {load.state === 'loaded' && load.card !== null && (
        <>
          <View id='cards-summary' ariaRole='button' ariaLabel={t('cards.open')} onClick={() => goTo('card')}>
            <CardFace card={load.card} idPrefix='cards-summary' variant='summary' />
          </View>
          <ActionButton id='cards-open' label={t('cards.open')} onTap={() => goTo('card')} />
        </>
      )}

      <View id='staff-entry' className='cards__staff' ariaRole='link' ariaLabel={t('cards.staffEntry')} onClick={() => goTo('staff')}>
        <Text>{t('cards.staffEntry')} ›</Text>
      </View>
    </View>
  );
}
