import { Text, View } from '@tarojs/components';
import type { TileView } from '../../../core/services-api';
import { iconGlyph } from '../../display/service-text';
import { useT } from '../../i18n';
import { a11y } from '../../platform/a11y';
import './service-tile.scss';

export interface Props {
  tile: TileView;
  /** Its code is being fetched: the tile says so and ignores taps. */
  opening: boolean;
  onOpen: (tileId: string) => void;
}

/**
 * One service on the services page: its glyph, title, provider and what it
 * does. A tile the card's level cannot use is shown, greyed and not a
 * button, with the reason and where to upgrade, so the citizen learns it
 * exists and how to reach it.
 */
export function ServiceTile({ tile, opening, onOpen }: Props) {
  const { t, lang } = useT();
  const id = `service-tile-${tile.tileId}`;
  const body = (
    <>
      <View className='service-tile__icon'>
        <Text>{iconGlyph(tile.icon)}</Text>
      </View>
      <View className='service-tile__text'>
        <Text className='service-tile__title'>{tile.title[lang]}</Text>
        <Text className='service-tile__partner'>{t('services.by', { partner: tile.partnerName })}</Text>
        <Text className='service-tile__description'>{tile.description[lang]}</Text>
        {opening && <Text className='service-tile__state'>{t('services.opening')}</Text>}
      </View>
    </>
  );
  if (!tile.available) {
    return (
      <View id={id} className='service-tile service-tile--disabled' data-available='no'>
        <View className='service-tile__row'>{body}</View>
        <View id={`${id}-unavailable`} className='service-tile__unavailable'>
          <Text className='service-tile__reason'>⚠ {t('services.needColour')}</Text>
          <Text className='service-tile__where'>{t('services.upgradeWhere')}</Text>
        </View>
      </View>
    );
  }
  return (
    <View
      id={id}
      className={opening ? 'service-tile service-tile--opening' : 'service-tile'}
      data-available='yes'
      {...a11y({ role: 'button', label: `${tile.title[lang]}, ${t('services.by', { partner: tile.partnerName })}` })}
      onClick={() => !opening && onOpen(tile.tileId)}
    >
      <View className='service-tile__row'>{body}</View>
    </View>
  );
}
