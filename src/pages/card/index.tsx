/**
 * The e-ID card (journey 2, DESIGN.md §2): opens only after a local unlock,
 * then shows the masked card and, for a chosen scene, a QR code that renews
 * itself. Showing a code needs a recent face check of the holder; when the
 * server asks for one, the citizen does it here and the code follows.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { Scene } from '../../../core/scenes';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { CardLocked } from '../../components/card-locked';
import { CardQr } from '../../components/card-qr';
import { CardScenes } from '../../components/card-scenes';
import { FaceRecheck } from '../../components/face-recheck';
import { LoadStatus } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { useCardLock } from '../../hooks/use-card-lock';
import { useHeldCard } from '../../hooks/use-held-card';
import { usePresentation } from '../../hooks/use-presentation';
import { usePageTitle, useT } from '../../i18n';
import { backTo, goTo } from '../../navigation/navigation';
import './index.scss';

export default function Card() {
  const { t, errorTitle } = useT();
  usePageTitle('title.card');
  // On a return to the page the last answer stays on screen until the new one arrives.
  const { load, reload } = useHeldCard({ quiet: true });
  const qr = usePresentation();
  /** The scene whose code was on screen when the page was left, to show it again on return. */
  const resumeScene = useRef<Scene | null>(null);
  const cardLock = useCardLock(() => {
    resumeScene.current = null;
  });
  const { lock } = cardLock;

  const reloadAndResume = async () => {
    const loaded = await reload();
    if (!loaded) return;
    const scene = resumeScene.current;
    resumeScene.current = null;
    if (scene && loaded.state === 'loaded' && loaded.card?.status === 'active' && cardLock.isOpen()) qr.show(scene);
  };

  useDidShow(() => void reloadAndResume());
  useDidHide(() => {
    // No code stays on a screen nobody is looking at; it comes back on return if the card is still open.
    resumeScene.current = qr.pause();
  });

  const back = <ActionButton id='card-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />;

  if (load.state !== 'loaded' || load.card === null) {
    return (
      <View className='eid-page'>
        <LoadStatus idPrefix='card' state={load} failedTitle={t('card.loadFailed')} onRetry={() => void reloadAndResume()} />
        {load.state === 'loaded' && <Notice tone='error' id='card-error' title={errorTitle('CARD_NOT_FOUND')} />}
        <View className='eid-actions'>{back}</View>
      </View>
    );
  }

  if (lock.state === 'face') {
    return (
      <View className='eid-page'>
        {lock.reason && (
          <Notice id='card-unlock-fallback'>
            <Text>{t(`card.fallback.${lock.reason}`)}</Text>
          </Notice>
        )}
        <FaceRecheck purpose='unlock' onPassed={cardLock.open} onCancel={cardLock.relock} />
      </View>
    );
  }

  if (lock.state !== 'open') {
    return (
      <View className='eid-page'>
        <CardLocked
          checking={lock.state === 'checking'}
          cancelled={lock.state === 'locked' && !!lock.cancelled}
          onUnlock={() => void cardLock.unlock()}
          onUnlockByFace={cardLock.unlockByFace}
        />
        <View className='eid-actions'>{back}</View>
      </View>
    );
  }

  return (
    <View className='eid-page'>
      {qr.state.kind === 'none' ? (
        <>
          <CardFace card={load.card} idPrefix='card' variant='full' />
          <Text className='eid-paragraph card__note'>{t('card.masked')}</Text>
          <CardScenes card={load.card} onPick={qr.show} />
        </>
      ) : (
        <CardQr state={qr.state} onShow={qr.show} onStop={qr.stop} onStartFaceCheck={qr.startFaceCheck} />
      )}
      {/* The usage stays one tap away whatever is on screen; leaving pauses the code, returning shows it again. */}
      {!(qr.state.kind === 'face_check' && qr.state.stage === 'checking') && (
        <View className='eid-actions'>
          <ActionButton id='card-usage' variant='secondary' label={t('card.usage')} onTap={() => goTo('usage')} />
          {qr.state.kind === 'none' && back}
        </View>
      )}
    </View>
  );
}
