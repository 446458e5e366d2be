/**
 * The consent screen before a tile's first use (journey 5): who asks (the
 * partner and its unified social credit code), for which service and why,
 * each attribute with what it means, and how long the grant lasts. Optional
 * attributes start unticked; each sensitive one (full name, full ID number)
 * needs its own tick, required or not. Declining changes nothing.
 */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure } from '../../../../core/api';
import type { ConsentView } from '../../../../core/services-api';
import { isSensitiveScope, type PartnerScope, type RequestableScope } from '../../../../core/services';
import { api } from '../../../api/client';
import { ActionButton } from '../../../components/action-button';
import { CheckRow } from '../../../components/check-row';
import { FailureNotice } from '../../../components/failure-notice';
import { LoadStatus } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { PageFrame } from '../../../components/page-frame';
import { scopeLabel, scopeMeaning, scopeList } from '../../../display/service-text';
import { useLatestCall } from '../../../hooks/use-latest-call';
import { useOpenTile } from '../../../hooks/use-open-tile';
import { useT } from '../../../i18n';
import { backTo } from '../../../navigation/navigation';
import { tileForConsent } from '../../../state/service-choice';
import './index.scss';

type Load = { state: 'loading' } | { state: 'failed'; failure: Failure } | { state: 'loaded'; consent: ConsentView };

export default function ServiceConsent() {
  const { t, lang } = useT();
  const tileId = tileForConsent();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [ticked, setTicked] = useState<ReadonlySet<PartnerScope>>(new Set());
  const [explained, setExplained] = useState(false);
  const latestCall = useLatestCall();
  const opener = useOpenTile();

  const reload = async () => {
    if (!tileId) return;
    const isLatest = latestCall.begin();
    setLoad({ state: 'loading' });
    const result = await api.getTileConsent({ tileId });
    if (!isLatest()) return;
    setLoad(result.ok ? { state: 'loaded', consent: result } : { state: 'failed', failure: result });
  };
  useDidShow(() => void reload());

  const exit = { id: 'service-consent-header-back', label: t('serviceConsent.decline'), onTap: () => backTo('services') };
  if (!tileId) {
    return (
      <PageFrame titleKey='title.serviceConsent' exit={exit}>
        <Notice tone='warning' id='service-consent-stale'>
          <Text>{t('serviceConsent.stale')}</Text>
        </Notice>
      </PageFrame>
    );
  }
  const consent = load.state === 'loaded' ? load.consent : null;
  const missingTicks = consent ? consent.required.filter((scope) => isSensitiveScope(scope) && !ticked.has(scope)) : [];

  const toggle = (scope: PartnerScope, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(scope);
    else next.delete(scope);
    setTicked(next);
    setExplained(false);
  };

  const accept = () => {
    if (!consent) return;
    if (missingTicks.length > 0) return setExplained(true);
    const optional = consent.optional.filter((scope) => ticked.has(scope)) as RequestableScope[];
    const sensitive = [...consent.required, ...optional].filter((scope) => isSensitiveScope(scope) && ticked.has(scope)) as RequestableScope[];
    void opener.authorizeAndOpen(tileId, { optional, sensitive });
  };

  const scopeRow = (scope: PartnerScope, kind: 'always' | 'required' | 'optional') => {
    const sensitive = isSensitiveScope(scope);
    const label = scopeLabel(scope, lang);
    return (
      <View key={scope} id={`service-consent-scope-${scope}`} className='service-consent__scope' data-kind={kind}>
        {kind === 'optional' || sensitive ? (
          <CheckRow
            id={`service-consent-${sensitive ? 'sensitive' : 'optional'}-${scope}`}
            label={t(sensitive ? 'serviceConsent.tickSensitive' : 'serviceConsent.tickOptional', { scope: label })}
            checked={ticked.has(scope)}
            onChange={(on) => toggle(scope, on)}
          />
        ) : (
          <Text className='service-consent__label'>• {label}</Text>
        )}
        <Text className='service-consent__meaning'>{scopeMeaning(scope, lang)}</Text>
        {sensitive && <Text className='service-consent__sensitive'>⚠ {t('serviceConsent.sensitiveNote')}</Text>}
      </View>
    );
  };

  return (
    <PageFrame titleKey='title.serviceConsent' exit={exit}>
      <LoadStatus idPrefix='service-consent' state={load} failedTitle={t('serviceConsent.loadFailed')} onRetry={() => void reload()} />
      {consent && (
        <>
          <Text id='service-consent-heading' className='eid-heading'>
            {t('serviceConsent.heading', { partner: consent.partner.name })}
          </Text>
          <View className='service-consent__facts'>
            <Text className='service-consent__fact-label'>{t('serviceConsent.partner')}</Text>
            <Text id='service-consent-partner' className='service-consent__fact'>{consent.partner.name}</Text>
            <Text className='service-consent__fact-label'>{t('serviceConsent.creditCode')}</Text>
            <Text id='service-consent-credit-code' className='service-consent__fact service-consent__code'>{consent.partner.creditCode}</Text>
            <Text className='service-consent__fact-label'>{t('serviceConsent.service')}</Text>
            <Text id='service-consent-service' className='service-consent__fact'>{consent.tile.title[lang]}</Text>
            <Text className='service-consent__fact-label'>{t('serviceConsent.purpose')}</Text>
            <Text id='service-consent-purpose' className='service-consent__fact'>{consent.purpose[lang]}</Text>
          </View>

          <Text className='eid-subheading'>{t('serviceConsent.always')}</Text>
          {consent.always.map((scope) => scopeRow(scope, 'always'))}
          {consent.required.length > 0 && <Text className='eid-subheading'>{t('serviceConsent.required')}</Text>}
          {consent.required.map((scope) => scopeRow(scope, 'required'))}
          {consent.optional.length > 0 && <Text className='eid-subheading'>{t('serviceConsent.optional')}</Text>}
          {consent.optional.map((scope) => scopeRow(scope, 'optional'))}

          <Text id='service-consent-duration' className='eid-paragraph'>{t('serviceConsent.duration', { days: consent.grantDays })}</Text>
          <Text className='eid-paragraph eid-muted'>{t('serviceConsent.pseudonym')}</Text>

          {explained && missingTicks.length > 0 && (
            <Text id='service-consent-need-tick' className='eid-explain'>
              {t('serviceConsent.needSensitive', { scope: scopeList(missingTicks, lang, t) })}
            </Text>
          )}
          {opener.state.kind === 'failed' && <FailureNotice id='service-consent-error' failure={opener.state.failure} title={t('serviceConsent.failed')} />}
          {opener.state.kind === 'mini_program_only' && (
            <Notice tone='warning' id='service-consent-mini-program-only'>
              <Text>{t('services.miniProgramOnly')}</Text>
            </Notice>
          )}
          <View className='eid-actions'>
            <ActionButton
              id='service-consent-accept'
              label={t('serviceConsent.accept')}
              blocked={missingTicks.length > 0}
              busy={opener.state.kind === 'opening'}
              busyLabel={t('services.opening')}
              onTap={accept}
            />
            <ActionButton id='service-consent-decline' variant='secondary' label={t('serviceConsent.decline')} onTap={() => backTo('services')} />
          </View>
        </>
      )}
    </PageFrame>
  );
}
