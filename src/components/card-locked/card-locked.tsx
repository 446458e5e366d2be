import { Text, View } from '@tarojs/components';
import { useT } from '../../i18n';
import { UNLOCK_METHOD } from '../../platform/unlock';
import { ActionButton } from '../action-button';
import './card-locked.scss';

export interface Props {
  /** The device unlock is running. */
  checking: boolean;
  /** The citizen closed the device unlock: a face check is offered instead. */
  cancelled: boolean;
  onUnlock: () => void;
  onUnlockByFace: () => void;
}

/** The locked card: what opens it on this platform, the button that does, and the face check after a cancel. */
export function CardLocked({ checking, cancelled, onUnlock, onUnlockByFace }: Props) {
  const { t } = useT();
  return (
    <>
      <View id='card-locked' className='eid-locked'>
        {/* Drawn, not an emoji: some phones and the simulator's browser have no emoji font. */}
        <View className='eid-locked__lock'>
          <View className='eid-locked__shackle' />
          <View className='eid-locked__body' />
        </View>
        <Text className='eid-heading'>{t('card.locked')}</Text>
        <Text className='eid-paragraph'>{t(`card.lockedHint.${UNLOCK_METHOD}`)}</Text>
      </View>
      <ActionButton id='card-unlock' label={t(`card.unlock.${UNLOCK_METHOD}`)} busy={checking} busyLabel={t('card.unlocking')} onTap={onUnlock} />
      {cancelled && (
        <>
          <Text id='card-unlock-cancelled' className='eid-paragraph'>
            {t('card.unlockCancelled')}
          </Text>
          <ActionButton id='card-unlock-face' variant='secondary' label={t('card.unlockByFace')} onTap={onUnlockByFace} />
        </>
      )}
    </>
  );
}
