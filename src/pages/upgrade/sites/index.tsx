/**
 * Where to upgrade (journey 4): the registered upgrade terminals of the pilot
 * cities, filtered by city, each saying in words whether it is open now
 * (never by colour alone). The server decides "open now" in China Standard Time.
 */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure } from '../../../../core/api';
import { PILOT_CITIES, PILOT_CITY_CODES, type UpgradeSiteView } from '../../../../core/upgrade-directory';
import { api } from '../../../api/client';
import { ActionButton } from '../../../components/action-button';
import { FailureNotice } from '../../../components/failure-notice';
import { Notice } from '../../../components/notice';
import { PageFrame, type PageExit } from '../../../components/page-frame';
import { useT, type MessageKey } from '../../../i18n';
import { backTo } from '../../../navigation/navigation';
import './index.scss';

type Load = { state: 'loading' } | { state: 'loaded'; sites: UpgradeSiteView[] } | { state: 'failed'; failure: Failure };

function stateKey(site: UpgradeSiteView): MessageKey {
  if (site.status === 'closed') return 'sites.outOfService';
  return site.openNow ? 'sites.openNow' : 'sites.closedNow';
}

export default function UpgradeSites() {
  const { t, lang } = useT();
  const [city, setCity] = useState<string | undefined>(undefined);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchSites = async (chosen: string | undefined) => {
    setCity(chosen);
    setLoad({ state: 'loading' });
    const result = await api.listUpgradeSites(chosen ? { city: chosen } : {});
    setLoad(result.ok ? { state: 'loaded', sites: result.sites } : { state: 'failed', failure: result });
  };

  useDidShow(() => void fetchSites(city));

  const exit: PageExit = { id: 'sites-header-back', label: t('common.back'), onTap: () => backTo('upgrade') };
  const cityName = (code: string) => PILOT_CITIES[code as keyof typeof PILOT_CITIES]?.[lang] ?? code;
  const days = (list: number[]) => list.map((d) => t(`sites.weekday.${d}` as MessageKey)).join(t('common.listSeparator'));

  return (
    <PageFrame titleKey='title.upgradeSites' exit={exit}>
      <Text className='eid-paragraph'>{t('sites.intro')}</Text>
      <Text className='eid-heading'>{t('sites.cityFilter')}</Text>
      <View id='sites-cities' className='eid-actions'>
        <ActionButton id='sites-city-all' variant={city === undefined ? 'primary' : 'secondary'} label={t('sites.allCities')} onTap={() => void fetchSites(undefined)} />
        {PILOT_CITY_CODES.map((code) => (
          <ActionButton
            key={code}
            id={`sites-city-${code}`}
            variant={city === code ? 'primary' : 'secondary'}
            label={cityName(code)}
            ariaLabel={city === code ? t('sites.cityChosen', { city: cityName(code) }) : cityName(code)}
            onTap={() => void fetchSites(code)}
          />
        ))}
      </View>

      {load.state === 'loading' && (
        <Notice id='sites-loading'>
          <Text>{t('common.loading')}</Text>
        </Notice>
      )}
      {load.state === 'failed' && (
        <FailureNotice id='sites-error' failure={load.failure}>
          <ActionButton id='sites-retry' label={t('common.retry')} onTap={() => void fetchSites(city)} />
        </FailureNotice>
      )}
      {load.state === 'loaded' && load.sites.length === 0 && <Notice id='sites-none' title={t('sites.none')} />}
      {load.state === 'loaded' &&
        load.sites.map((site) => (
          <View key={site.id} id={`sites-item-${site.id}`} className='eid-panel'>
            <Text className='sites__name'>{site.name}</Text>
            <Text className='eid-paragraph'>
              {cityName(site.city)} · {site.address}
            </Text>
            <Text className='eid-paragraph'>{t('sites.hours', { days: days(site.hours.days), opens: site.hours.opens, closes: site.hours.closes })}</Text>
            <Text id={`sites-state-${site.id}`} className='sites__state'>
              {site.openNow ? '● ' : '○ '}
              {t(stateKey(site))}
            </Text>
          </View>
        ))}
    </PageFrame>
  );
}
