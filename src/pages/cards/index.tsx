/**
 * Home: the card package. Shows the card once issued with its one-tap 出示
 * (the QR code for the last used scene), or invites enrollment. The language
 * and the age-friendly mode are switched here.
 */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { ElderToggle } from '../../components/elder-toggle';
import { LangToggle } from '../../components/lang-toggle';
import { LoadStatus } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { PageFrame } from '../../components/page-frame';
import { presentableScenes, sceneLabel } from '../../display/scene-text';
import { useHeldCard } from '../../hooks/use-held-card';
import { useT } from '../../i18n';
import { localDateTime } from '../../display/dates';
import { goTo } from '../../navigation/navigation';
import { clearDraft } from '../../state/enrollment';
import { clearLastResult } from '../../state/last-result';
import { lastScene, requestPresentation } from '../../state/presentation-choice';
import './index.scss';
import { a11y } from '../../platform/a11y';

export default function Cards() {
  const { t, lang } = useT();
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

  const present = () => {
    requestPresentation();
    goTo('card');
  };

  const card = load.state === 'loaded' ? load.card : null;

  return (
    <PageFrame titleKey='title.cards'>
      <View className='cards__top'>
        <LangToggle />
        <ElderToggle />
      </View>
      <Text className='eid-heading'>{t('cards.heading')}</Text>

      <LoadStatus idPrefix='cards' state={load} failedTitle={t('cards.loadFailed')} onRetry={() => void reload()} />

      {load.state === 'loaded' && card === null && load.ended && (
        <Notice tone='warning' id='cards-moved' title={t('cards.moved')}>
          <Text>{t('cards.movedHint', { date: localDateTime(load.ended.at) })}</Text>
        </Notice>
      )}
      {load.state === 'loaded' && card === null && (
        <View id='cards-empty'>
          <Notice title={t('cards.empty')}>
            <Text>{t('cards.emptyHint')}</Text>
          </Notice>
          <ActionButton id='enroll-start' label={t('cards.start')} onTap={startEnrollment} />
        </View>
      )}

      {card && (
        <>
          <View id='cards-summary' {...a11y({ role: 'button', label: t('cards.open') })} onClick={() => goTo('card')}>
            <CardFace card={card} idPrefix='cards-summary' variant='summary' />
          </View>
          {card.status === 'active' && (
            <ActionButton
              id='cards-present'
              label={t('cards.present', { scene: sceneLabel(lastScene(presentableScenes(card.level)), lang) })}
              onTap={present}
            />
          )}
          <ActionButton id='cards-open' variant='secondary' label={t('cards.open')} onTap={() => goTo('card')} />
          <ActionButton id='cards-services' variant='secondary' label={t('cards.services')} onTap={() => goTo('services')} />
          {/* No unlock in the way: whoever has the signed-in account can report the card lost at once. */}
          <ActionButton id='cards-manage' variant='secondary' label={t('card.manage')} onTap={() => goTo('manage')} />
          {card.level === 'basic' && card.status === 'active' && (
            <ActionButton id='cards-upgrade' variant='secondary' label={t('cards.upgrade')} onTap={() => goTo('upgrade')} />
          )}
        </>
      )}

      <View id='staff-entry' className='cards__staff' {...a11y({ role: 'link', label: t('cards.staffEntry') })} onClick={() => goTo('staff')}>
        <Text>{t('cards.staffEntry')} ›</Text>
      </View>
    </PageFrame>
  );
}
