/**
 * The e-ID card (journey 2, DESIGN.md §2): opens only after a local unlock,
 * then shows the masked card and, for a chosen scene, a QR code that renews
 * itself. Showing a code needs a recent face check of the holder; when the
 * server asks for one, the citizen does it here and the code follows.
 * Arriving from the card package's 出示, the unlock starts at once and the
 * code for the last used scene follows it: one tap.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { CardView } from '../../../core/api';
import type { Scene } from '../../../core/scenes';
import { ActionButton } from '../../components/action-button';
import { CardFace } from '../../components/card-face';
import { CardLocked } from '../../components/card-locked';
import { CardQr } from '../../components/card-qr';
import { CardScenes } from '../../components/card-scenes';
import { FaceRecheck } from '../../components/face-recheck';
import { HeldCardStatus } from '../../components/held-card-status';
import { Notice } from '../../components/notice';
import { PageFrame, type PageExit } from '../../components/page-frame';
import { presentableScenes, sceneLabel } from '../../display/scene-text';
import { useCardLock } from '../../hooks/use-card-lock';
import { useHeldCard } from '../../hooks/use-held-card';
import { usePresentation } from '../../hooks/use-presentation';
import { useT } from '../../i18n';
import { backTo, goTo } from '../../navigation/navigation';
import { lastScene, rememberScene, takePresentationRequest } from '../../state/presentation-choice';
import './index.scss';

export default function Card() {
  const { t, lang } = useT();
  // On a return to the page the last answer stays on screen until the new one arrives.
  const { load, reload } = useHeldCard({ quiet: true });
  const qr = usePresentation();
  /** The scene whose code was on screen when the page was left, to show it again on return. */
  const resumeScene = useRef<Scene | null>(null);
  /** 出示 was asked for: this scene's code follows as soon as the card is open. */
  const presentWhenOpen = useRef<Scene | null>(null);
  const cardLock = useCardLock(() => {
    resumeScene.current = null;
  });
  const { lock } = cardLock;

  const present = (scene: Scene) => {
    rememberScene(scene);
    qr.show(scene);
  };

  const presentNow = (card: CardView) => {
    const scene = lastScene(presentableScenes(card.level));
    if (cardLock.isOpen()) {
      present(scene);
      return;
    }
    presentWhenOpen.current = scene;
    void cardLock.unlock();
  };

  const reloadAndResume = async (presentRequested = false) => {
    const loaded = await reload();
    if (!loaded) return;
    const scene = resumeScene.current;
    resumeScene.current = null;
    const card = loaded.state === 'loaded' ? loaded.card : null;
    if (card?.status !== 'active') return;
    if (presentRequested) presentNow(card);
    else if (scene && cardLock.isOpen()) qr.show(scene);
  };

  useDidShow(() => void reloadAndResume(takePresentationRequest()));
  useDidHide(() => {
    // No code stays on a screen nobody is looking at; it comes back on return if the card is still open.
    resumeScene.current = qr.pause();
  });

  useEffect(() => {
    if (lock.state === 'open' && presentWhenOpen.current) {
      present(presentWhenOpen.current);
      presentWhenOpen.current = null;
    } else if (lock.state === 'locked') {
      // The unlock was cancelled: the citizen decides again.
      presentWhenOpen.current = null;
    }
  }, [lock.state]);

  const exit: PageExit = { id: 'card-header-back', label: t('common.backToCards'), onTap: () => backTo('cards') };
  const back = <ActionButton id='card-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />;

  if (load.state !== 'loaded' || load.card === null) {
    return (
      <PageFrame titleKey='title.card' exit={exit}>
        <HeldCardStatus idPrefix='card' noneId='card-error' load={load} onRetry={() => void reloadAndResume()} />
        <View className='eid-actions'>{back}</View>
      </PageFrame>
    );
  }

  const card = load.card;
  const scenes = presentableScenes(card.level);

  if (lock.state === 'face') {
    return (
      <PageFrame titleKey='title.card' exit={exit}>
        {lock.reason && (
          <Notice id='card-unlock-fallback'>
            <Text>{t(`card.fallback.${lock.reason}`)}</Text>
          </Notice>
        )}
        <FaceRecheck purpose='unlock' onPassed={cardLock.open} onCancel={cardLock.relock} />
      </PageFrame>
    );
  }

  if (lock.state !== 'open') {
    return (
      <PageFrame titleKey='title.card' exit={exit}>
        <CardLocked
          checking={lock.state === 'checking'}
          cancelled={lock.state === 'locked' && !!lock.cancelled}
          onUnlock={() => void cardLock.unlock()}
          onUnlockByFace={cardLock.unlockByFace}
        />
        <View className='eid-actions'>{back}</View>
      </PageFrame>
    );
  }

  const nextScene = lastScene(scenes);
  return (
    <PageFrame titleKey={qr.state.kind === 'none' ? 'title.card' : 'title.qr'} exit={exit}>
      {qr.state.kind === 'none' ? (
        <>
          <CardFace card={card} idPrefix='card' variant='full' />
          <Text className='eid-paragraph eid-muted'>{t('card.masked')}</Text>
          {card.status === 'active' && (
            <ActionButton id='card-present' label={t('card.present', { scene: sceneLabel(nextScene, lang) })} onTap={() => present(nextScene)} />
          )}
          <CardScenes card={card} onPick={present} />
        </>
      ) : (
        <CardQr state={qr.state} scenes={scenes} onShow={present} onStop={qr.stop} onStartFaceCheck={qr.startFaceCheck} />
      )}
      {/* The usage stays one tap away whatever is on screen; leaving pauses the code, returning shows it again. */}
      {!(qr.state.kind === 'face_check' && qr.state.stage === 'checking') && (
        <View className='eid-actions'>
          <ActionButton id='card-usage' variant='secondary' label={t('card.usage')} onTap={() => goTo('usage')} />
          {qr.state.kind === 'none' && <ActionButton id='card-manage' variant='secondary' label={t('card.manage')} onTap={() => goTo('manage')} />}
          {qr.state.kind === 'none' && back}
        </View>
      )}
    </PageFrame>
  );
}
