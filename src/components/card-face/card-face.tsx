import { Text, View } from '@tarojs/components';
import type { CardView } from '../../../core/api';
import { heldCardState } from '../../display/card-state';
import { cardDate } from '../../display/dates';
import { useT, type MessageKey } from '../../i18n';
import './card-face.scss';

export interface Props {
  card: CardView;
  /** Prefix of the ids of the shown values, unique per page (h5 keeps earlier pages in the DOM). */
  idPrefix: string;
  /** 'summary' in the card package; 'full' on the card page. */
  variant: 'summary' | 'full';
}

interface Row {
  key: string;
  label: MessageKey;
  value: string;
  mono?: boolean;
}

/**
 * The card face, laid out like an identity card: the basic card in black and
 * white, the colour card in its own design (core/card's levels). Only masked
 * personal data ever reaches it, and no technical field (key ids, signatures).
 * No emblem or other protected mark: the mark is the app's own monogram.
 */
export function CardFace({ card, idPrefix, variant }: Props) {
  const { t } = useT();
  const state = heldCardState(card);
  const rows: Row[] = [
    { key: 'masked-name', label: 'card.name', value: card.maskedName },
    { key: 'masked-id', label: 'card.idNumber', value: card.maskedIdNumber, mono: true },
    { key: 'validity', label: 'card.validity', value: `${cardDate(card.issuedAt)}–${cardDate(card.expiresAt)}`, mono: true },
    { key: 'issuer', label: 'card.issuer', value: t('card.issuerName') },
  ];
  return (
    <View className={`eid-card eid-card--${card.level} eid-card--${variant} eid-card--${card.status}`}>
      <View className='eid-card__head'>
        <View className='eid-card__mark'>
          <Text>eID</Text>
        </View>
        <View className='eid-card__titles'>
          <Text className='eid-card__title'>{t('card.title')}</Text>
          <Text className='eid-card__subtitle'>{t('card.subtitle')}</Text>
        </View>
        <Text id={`${idPrefix}-level`} className='eid-card__level'>
          {t(`card.level.${card.level}`)}
        </Text>
      </View>
      {rows.map((row) => (
        <View key={row.key} className='eid-card__row'>
          <Text className='eid-card__label'>{t(row.label)}</Text>
          <Text id={`${idPrefix}-${row.key}`} className={row.mono ? 'eid-card__value eid-card__value--mono' : 'eid-card__value'}>
            {row.value}
          </Text>
        </View>
      ))}
      <View className='eid-card__foot'>
        <Text id={`${idPrefix}-status`} className={`eid-card__status eid-card__status--${state}`}>
          {state === 'active' ? '✓ ' : '✗ '}
          {t(`card.status.${state}`)}
        </Text>
      </View>
    </View>
  );
}
