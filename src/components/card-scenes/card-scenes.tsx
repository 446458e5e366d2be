import { Text } from '@tarojs/components';
import type { CardView } from '../../../core/api';
import type { Scene } from '../../../core/scenes';
import { heldCardState, NO_QR } from '../../display/card-state';
import { presentableScenes } from '../../display/scene-text';
import { useT } from '../../i18n';
import { goTo } from '../../navigation/navigation';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { ScenePicker } from '../scene-picker';

export interface Props {
  card: CardView;
  onPick: (scene: Scene) => void;
}

/** Under the open card: the scenes it can show a QR code for, or why it can show none. */
export function CardScenes({ card, onPick }: Props) {
  const { t } = useT();
  const state = heldCardState(card);
  if (state !== 'active') {
    return (
      <>
        <Notice tone='error' id='card-no-qr' title={t(`card.status.${state}`)}>
          <Text>{t(NO_QR[state].why)}</Text>
        </Notice>
        {NO_QR[state].manage && <ActionButton id='card-no-qr-manage' label={t('card.manage')} onTap={() => goTo('manage')} />}
      </>
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
