import { Text, View } from '@tarojs/components';
import type { CardView } from '../../../core/api';
import { calendarDate } from '../../display/dates';
import { useT } from '../../i18n';
import './card-face.scss';

export interface Props {
  card: CardView;
  /** Prefix of the ids of the shown values, unique per page (h5 keeps earlier pages in the DOM). */
  idPrefix: string;
  /** 'summary' for the card package; 'full' on the card page. */
  variant: 'summary' | 'full';
}

interface Row {
  key: string;
  label: string;
  value: string;
}

/** The black-and-white card: only masked personal data ever reaches it. */
export function CardFace({ card, idPrefix, variant }: Props) {
  const { t } = useT();
  const rows: Row[] = [
    { key: 'masked-name', label: t('card.name'), value: card.maskedName },
    { key: 'masked-id', label: t('card.idNumber'), value: card.maskedIdNumber },
    { key: 'level', label: t('card.level'), value: t(`card.level.${card.level}`) },
    { key: 'status', label: t('card.status'), value: t(`card.status.${card.status}`) },
  ];
  if (variant === 'full') {
    rows.push(
      { key: 'validity', label: t('card.validity'), value: `${calendarDate(card.issuedAt)} – ${calendarDate(card.expiresAt)}` },
      { key: 'key-id', label: t('card.keyId'), value: card.keyId },
    );
  }
  return (
    <View className={`eid-card eid-card--${variant}`}>
      <View className='eid-card__title'>
        <Text>{t('card.title')}</Text>
      </View>
      {rows.map((row) => (
        <View key={row.key} className='eid-card__row'>
          <Text className='eid-card__label'>{row.label}</Text>
          <Text id={`${idPrefix}-${row.key}`} className={`eid-card__value eid-card__value--${row.key}`}>
            {row.value}
          </Text>
        </View>
      ))}
    </View>
  );
}
