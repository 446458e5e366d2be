/**
 * My authorisations (journey 5): every grant the citizen gave — which service
 * and provider, what it may receive, when given, last used, until when — each
 * active one revocable. A revoked grant fails every later exchange.
 */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure } from '../../../../core/api';
import type { GrantView } from '../../../../core/services-api';
import { api } from '../../../api/client';
import { ActionButton } from '../../../components/action-button';
import { FailureNotice } from '../../../components/failure-notice';
import { LoadStatus } from '../../../components/load-status';
import { Notice } from '../../../components/notice';
import { PageFrame } from '../../../components/page-frame';
import { localDateTime } from '../../../display/dates';
import { scopeList } from '../../../display/service-text';
import { useLatestCall } from '../../../hooks/use-latest-call';
import { useT } from '../../../i18n';
import { backTo } from '../../../navigation/navigation';
import './index.scss';

type Load = { state: 'loading' } | { state: 'failed'; failure: Failure } | { state: 'loaded'; grants: GrantView[] };
type Revocation = { kind: 'idle' } | { kind: 'revoking'; grantId: string } | { kind: 'revoked'; title: string } | { kind: 'failed'; failure: Failure };

export default function Grants() {
  const { t, lang } = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [revocation, setRevocation] = useState<Revocation>({ kind: 'idle' });
  const latestCall = useLatestCall();

  const reload = async () => {
    const isLatest = latestCall.begin();
    setLoad((before) => (before.state === 'loaded' ? before : { state: 'loading' }));
    const result = await api.listGrants();
    if (!isLatest()) return;
    setLoad(result.ok ? { state: 'loaded', grants: result.grants } : { state: 'failed', failure: result });
  };
  useDidShow(() => void reload());

  const revoke = async (grant: GrantView) => {
    setRevocation({ kind: 'revoking', grantId: grant.grantId });
    const result = await api.revokeGrant({ grantId: grant.grantId });
    // The list shows the grant as revoked by the time the notice says so.
    await reload();
    setRevocation(result.ok ? { kind: 'revoked', title: grant.tileTitle[lang] } : { kind: 'failed', failure: result });
  };

  return (
    <PageFrame titleKey='title.grants' exit={{ id: 'grants-header-back', label: t('grants.back'), onTap: () => backTo('services') }}>
      <Text className='eid-heading'>{t('grants.heading')}</Text>
      <Text className='eid-paragraph'>{t('grants.intro')}</Text>
      <LoadStatus idPrefix='grants' state={load} failedTitle={t('grants.loadFailed')} onRetry={() => void reload()} />

      {revocation.kind === 'revoked' && (
        <Notice id='grants-revoked'>
          <Text>{t('grants.revoked', { service: revocation.title })}</Text>
        </Notice>
      )}
      {revocation.kind === 'failed' && <FailureNotice id='grants-revoke-error' failure={revocation.failure} title={t('grants.revokeFailed')} />}

      {load.state === 'loaded' && load.grants.length === 0 && (
        <Notice id='grants-empty'>
          <Text>{t('grants.empty')}</Text>
        </Notice>
      )}
      {load.state === 'loaded' &&
        load.grants.map((grant) => (
          <View key={grant.grantId} id={`grants-item-${grant.grantId}`} className={`eid-panel grants__item--${grant.status}`} data-status={grant.status}>
            <View className='grants__top'>
              <Text className='grants__title'>{grant.tileTitle[lang]}</Text>
              <Text className='grants__status'>{t(`grants.status.${grant.status}`)}</Text>
            </View>
            <Text className='grants__partner'>
              {grant.partnerName} · {grant.partnerCreditCode}
            </Text>
            <Text className='grants__line'>{t('grants.scopes', { list: scopeList(grant.scopes, lang, t) })}</Text>
            <Text className='grants__line'>{t('grants.granted', { time: localDateTime(grant.grantedAt) })}</Text>
            <Text className='grants__line'>{grant.lastUsedAt ? t('grants.lastUsed', { time: localDateTime(grant.lastUsedAt) }) : t('grants.neverUsed')}</Text>
            {grant.status === 'active' && (
              <>
                <Text className='grants__line'>{t('grants.expires', { time: localDateTime(grant.expiresAt) })}</Text>
                <ActionButton
                  id={`grants-revoke-${grant.grantId}`}
                  variant='secondary'
                  label={t('grants.revoke')}
                  ariaLabel={t('grants.revokeLabel', { service: grant.tileTitle[lang] })}
                  busy={revocation.kind === 'revoking' && revocation.grantId === grant.grantId}
                  onTap={() => void revoke(grant)}
                />
              </>
            )}
          </View>
        ))}

      <View className='eid-actions'>
        <ActionButton id='grants-back' variant='secondary' label={t('grants.back')} onTap={() => backTo('services')} />
      </View>
    </PageFrame>
  );
}
