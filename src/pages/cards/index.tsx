/** Home: the card package. Shows the card once issued, or invites enrollment. */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { LangToggle } from '../../components/lang-toggle';
import { LoadStatus } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { useHeldCard } from '../../hooks/use-held-card';
import { usePageTitle, useT } from '../../i18n';
import { goTo } from '../../navigation/navigation';
import { clearDraft } from '../../state/enrollment';
import { clearLastResult } from '../../state/last-result';
import './index.scss';

export default function Cards() {
  const { t } = useT();
  usePageTitle('title.cards');
  const { load, reload } = useHeldCard();

  useDidShow(() => {
    // Back on the home page, any unfinished application is abandoned.
    clearDraft();
    clearLastResult();
    void reload();
  });

  const startEnrollment = () => {
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
          <ActionButton id='enroll-start' label={t('cards.start')} onTap={startEnrollment} />
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
