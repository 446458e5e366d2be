import { Text } from '@tarojs/components';
import type { CardView } from '../../../core/api';
import type { Scene } from '../../../core/scenes';
import { presentableScenes } from '../../display/scene-text';
import { useT } from '../../i18n';
import { Notice } from '../notice';
import { ScenePicker } from '../scene-picker';

export interface Props {
  card: CardView;
  onPick: (scene: Scene) => void;
}

/** Under the open card: the scenes it can show a QR code for, or why it can show none. */
export function CardScenes({ card, onPick }: Props) {
  const { t } = useT();
  if (card.status !== 'active') {
    return (
      <Notice tone='error' id='card-no-qr' title={t(`card.status.${card.status}`)}>
        <Text>{t(card.status === 'suspended' ? 'card.noQr.suspended' : 'card.noQr.revoked')}</Text>
      </Notice>
    );
  }
  return (
    <>
      <Text className='eid-subheading'>{t('card.scenesTitle')}</Text>
      <Text className='eid-paragraph'>{t('card.scenesHint')}</Text>
      <ScenePicker scenes={presentableScenes(card.level)} onPick={onPick} />
    </>
  );
}
