/**
 * Government services (journey 5), a subpackage: approved tiles for the
 * card's home region (from its ID number) or a city the citizen picks,
 * grouped by category, with a search. A tile the card's level cannot use is
 * shown disabled with the reason. Tapping a tile opens it with a one-time
 * code, after the consent screen the first time (useOpenTile).
 */
import { Picker, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure } from '../../../core/api';
import { CITIES, CITY_CODES } from '../../../core/service-regions';
import type { ServicesView, TileView } from '../../../core/services-api';
import { TILE_CATEGORY_NAMES } from '../../../core/services';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { FailureNotice } from '../../components/failure-notice';
import { LoadStatus } from '../../components/load-status';
import { Notice } from '../../components/notice';
import { PageFrame } from '../../components/page-frame';
import { ServiceTile } from '../../components/service-tile';
import { TextField } from '../../components/text-field';
import { categoryLabel } from '../../display/service-text';
import { useLatestCall } from '../../hooks/use-latest-call';
import { useOpenTile } from '../../hooks/use-open-tile';
import { useT } from '../../i18n';
import { backTo, goTo } from '../../navigation/navigation';
import { a11y } from '../../platform/a11y';
import './index.scss';

type Load = { state: 'loading' } | { state: 'failed'; failure: Failure } | { state: 'loaded'; view: ServicesView };

/** What a search matches: the title and description in both languages, the provider and the category's name. */
function matches(tile: TileView, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const words = [tile.title.zh, tile.title.en, tile.description.zh, tile.description.en, tile.partnerName, categoryLabel(tile.category, 'zh'), categoryLabel(tile.category, 'en')];
  return words.some((word) => word.toLowerCase().includes(needle));
}

export default function Services() {
  const { t, lang } = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  /** A city the citizen picked; undefined: the card's home region. */
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [query, setQuery] = useState('');
  const latestCall = useLatestCall();
  const opener = useOpenTile();

  const reload = async (region: string | undefined) => {
    const isLatest = latestCall.begin();
    setLoad({ state: 'loading' });
    const result = await api.listServices(region ? { region } : {});
    if (!isLatest()) return;
    setLoad(result.ok ? { state: 'loaded', view: result } : { state: 'failed', failure: result });
  };

  const pick = (region: string | undefined) => {
    setPicked(region);
    void reload(region);
  };

  useDidShow(() => void reload(picked));

  const view = load.state === 'loaded' ? load.view : null;
  const shown = view ? view.tiles.filter((tile) => matches(tile, query)) : [];
  const groups = TILE_CATEGORY_NAMES.map((category) => ({ category, tiles: shown.filter((tile) => tile.category === category) })).filter((g) => g.tiles.length > 0);
  const cityLabels = CITY_CODES.map((code) => CITIES[code][lang]);
  const openState = opener.state;

  return (
    <PageFrame titleKey='title.services' exit={{ id: 'services-header-back', label: t('common.backToCards'), onTap: () => backTo('cards') }}>
      <Text className='eid-heading'>{t('services.heading')}</Text>
      <Text className='eid-paragraph'>{t('services.intro')}</Text>

      {view && (
        <View className='services__region'>
          <Text id='services-region' className='services__region-name'>
            {t('services.region', { region: view.region?.label[lang] ?? '—' })}
            {!picked && view.homeRegion ? t('services.regionHome') : ''}
          </Text>
          <View className='services__region-actions'>
            <Picker id='services-city-select' mode='selector' range={cityLabels} onChange={(event) => pick(CITY_CODES[Number(event.detail.value)])}>
              <View id='services-city-picker' className='services__link' {...a11y({ role: 'button', label: t('services.regionPick') })}>
                <Text>{t('services.regionPick')} ›</Text>
              </View>
            </Picker>
            {picked && (
              <View id='services-home' className='services__link' {...a11y({ role: 'button', label: t('services.regionBackHome') })} onClick={() => pick(undefined)}>
                <Text>{t('services.regionBackHome')}</Text>
              </View>
            )}
          </View>
        </View>
      )}

      <TextField id='services-search' label={t('services.search')} value={query} onInput={setQuery} placeholder={t('services.searchPlaceholder')} maxlength={40} />

      <LoadStatus idPrefix='services' state={load} failedTitle={t('services.loadFailed')} onRetry={() => void reload(picked)} />

      {openState.kind === 'failed' && (
        <FailureNotice id='services-open-error' failure={openState.failure} title={t('services.openFailed')} />
      )}
      {openState.kind === 'mini_program_only' && (
        <Notice tone='warning' id='services-mini-program-only' title={t('services.openFailed')}>
          <Text>{t('services.miniProgramOnly')}</Text>
        </Notice>
      )}

      {view && view.tiles.length === 0 && (
        <Notice id='services-empty'>
          <Text>{t('services.empty')}</Text>
        </Notice>
      )}
      {view && view.tiles.length > 0 && shown.length === 0 && (
        <Notice id='services-no-match'>
          <Text>{t('services.noMatch', { query: query.trim() })}</Text>
        </Notice>
      )}

      {groups.map(({ category, tiles }) => (
        <View key={category} id={`services-group-${category}`} className='services__group'>
          <Text className='eid-subheading'>{categoryLabel(category, lang)}</Text>
          {tiles.map((tile) => (
            <ServiceTile key={tile.tileId} tile={tile} opening={openState.kind === 'opening' && openState.tileId === tile.tileId} onOpen={(id) => void opener.open(id)} />
          ))}
        </View>
      ))}

      <View className='eid-actions'>
        <ActionButton id='services-grants' variant='secondary' label={t('services.grants')} onTap={() => goTo('grants')} />
        <ActionButton id='services-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />
      </View>
    </PageFrame>
  );
}
