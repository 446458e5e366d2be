/**
 * Managing the card's life (journey 6, DESIGN.md §2): report it lost,
 * reinstate it, renew it from its last 90 days on (expired too), revoke it. What each step does
 * is said before it is done; reinstating, renewing and revoking carry their
 * own face check. The rules are the server's: a refusal is shown in words,
 * with the code only in the support line.
 */
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { CardView, Failure } from '../../../core/api';
import { renewalOpensAt } from '../../../core/card';
import { RENEWAL_WINDOW_DAYS } from '../../../core/policy';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { FaceRecheck } from '../../components/face-recheck';
import { FailureNotice } from '../../components/failure-notice';
import { HeldCardStatus } from '../../components/held-card-status';
import { Notice } from '../../components/notice';
import { PageFrame, type PageExit } from '../../components/page-frame';
import { heldCardState } from '../../display/card-state';
import { cardDate } from '../../display/dates';
import { useHeldCard } from '../../hooks/use-held-card';
import { useT, type MessageKey } from '../../i18n';
import { backTo } from '../../navigation/navigation';
import './index.scss';

type FaceAction = 'reinstate' | 'renew' | 'revoke';

type Step =
  | { kind: 'menu' }
  | { kind: 'confirm_lost' }
  | { kind: 'confirm_revoke' }
  | { kind: 'reporting' }
  | { kind: 'face'; action: FaceAction }
  | { kind: 'done'; title: MessageKey; hint?: MessageKey; vars?: Record<string, string> }
  | { kind: 'failed'; failure: Failure };

const DONE: Record<'report_lost' | FaceAction, { title: MessageKey; hint?: MessageKey }> = {
  report_lost: { title: 'manage.reportLostDone', hint: 'manage.reportLostDoneHint' },
  reinstate: { title: 'manage.reinstateDone' },
  renew: { title: 'manage.renewDone' },
  revoke: { title: 'manage.revokeDone', hint: 'manage.revokeDoneHint' },
};

export default function Manage() {
  const { t } = useT();
  const { load, reload } = useHeldCard({ quiet: true });
  const [step, setStep] = useState<Step>({ kind: 'menu' });

  useDidShow(() => void reload());

  const exit: PageExit = { id: 'manage-header-back', label: t('common.backToCards'), onTap: () => backTo('cards') };
  const backToCards = <ActionButton id='manage-back' variant='secondary' label={t('common.backToCards')} onTap={() => backTo('cards')} />;
  const toMenu = <ActionButton id='manage-menu' variant='secondary' label={t('common.back')} onTap={() => setStep({ kind: 'menu' })} />;

  const reportLost = async () => {
    setStep({ kind: 'reporting' });
    const result = await api.reportLost();
    setStep(result.ok ? { kind: 'done', ...DONE.report_lost } : { kind: 'failed', failure: result });
    void reload();
  };

  const afterFace = async (action: FaceAction) => {
    const loaded = await reload();
    const card = loaded?.state === 'loaded' ? loaded.card : null;
    setStep({ kind: 'done', ...DONE[action], ...(action === 'renew' && card && { vars: { date: cardDate(card.expiresAt) } }) });
  };

  if (step.kind === 'done') {
    return (
      <PageFrame titleKey='title.manage' exit={exit}>
        <Notice id='manage-done' title={t(step.title, step.vars)}>
          {step.hint && <Text className='eid-paragraph'>{t(step.hint)}</Text>}
        </Notice>
        <View className='eid-actions'>
          {load.state === 'loaded' && load.card && toMenu}
          {backToCards}
        </View>
      </PageFrame>
    );
  }

  if (load.state !== 'loaded' || load.card === null) {
    return (
      <PageFrame titleKey='title.manage' exit={exit}>
        <HeldCardStatus idPrefix='manage' noneId='manage-none' load={load} onRetry={() => void reload()} />
        <View className='eid-actions'>{backToCards}</View>
      </PageFrame>
    );
  }

  const card = load.card;

  if (step.kind === 'face') {
    return (
      <PageFrame titleKey='title.manage' exit={exit}>
        <FaceRecheck purpose={step.action} onPassed={() => void afterFace(step.action)} onCancel={() => setStep({ kind: 'menu' })} />
      </PageFrame>
    );
  }

  return (
    <PageFrame titleKey='title.manage' exit={exit}>
      <View id='manage-card' className='eid-panel'>
        <Text id='manage-status' className='manage__status'>
          {t('manage.status', { status: t(`card.status.${heldCardState(card)}`) })}
        </Text>
        <Text className='eid-paragraph'>{t('manage.validUntil', { date: cardDate(card.expiresAt) })}</Text>
      </View>

      {step.kind === 'failed' && (
        <FailureNotice id='manage-error' failure={step.failure}>
          <Text className='eid-paragraph'>{t('manage.failedHint')}</Text>
        </FailureNotice>
      )}

      {step.kind === 'confirm_lost' || step.kind === 'reporting' ? (
        <Notice tone='warning' id='manage-confirm-lost' title={t('manage.reportLost')}>
          <Text className='eid-paragraph'>{t('manage.reportLostHint')}</Text>
          <View className='eid-actions'>
            <ActionButton id='manage-report-lost-confirm' label={t('manage.reportLostConfirm')} busy={step.kind === 'reporting'} onTap={() => void reportLost()} />
            {step.kind === 'confirm_lost' && toMenu}
          </View>
        </Notice>
      ) : step.kind === 'confirm_revoke' ? (
        <Notice tone='warning' id='manage-confirm-revoke' title={t('manage.revoke')}>
          <Text className='eid-paragraph'>{t('manage.revokeHint')}</Text>
          <View className='eid-actions'>
            <ActionButton id='manage-revoke-confirm' label={t('manage.revokeConfirm')} onTap={() => setStep({ kind: 'face', action: 'revoke' })} />
            {toMenu}
          </View>
        </Notice>
      ) : (
        <Actions card={card} onStep={setStep} />
      )}
      <View className='eid-actions'>{backToCards}</View>
    </PageFrame>
  );
}

/** What this card's state allows, each with what it does; the server decides again on every tap. */
function Actions({ card, onStep }: { card: CardView; onStep: (step: Step) => void }) {
  const { t } = useT();
  const state = heldCardState(card);
  const opens = renewalOpensAt(new Date(card.expiresAt), RENEWAL_WINDOW_DAYS);
  const renewable = state === 'expired' || (state === 'active' && Date.now() >= opens.getTime());
  return (
    <View className='eid-actions'>
      {state === 'active' && (
        <ActionButton id='manage-report-lost' label={t('manage.reportLost')} onTap={() => onStep({ kind: 'confirm_lost' })} />
      )}
      {state === 'expired' && <Text id='manage-expired' className='eid-paragraph'>{t('manage.expiredHint')}</Text>}
      {state === 'suspended' && (
        <>
          <Text className='eid-paragraph'>{t('manage.suspendedHint')}</Text>
          <ActionButton id='manage-reinstate' label={t('manage.reinstate')} onTap={() => onStep({ kind: 'face', action: 'reinstate' })} />
        </>
      )}
      {renewable && <ActionButton id='manage-renew' variant='secondary' label={t('manage.renew')} onTap={() => onStep({ kind: 'face', action: 'renew' })} />}
      {state === 'active' && !renewable && (
        <Text id='manage-renew-opens' className='eid-paragraph eid-muted'>
          {t('manage.renewOpens', { date: cardDate(opens.toISOString()) })}
        </Text>
      )}
      <ActionButton id='manage-revoke' variant='secondary' label={t('manage.revoke')} onTap={() => onStep({ kind: 'confirm_revoke' })} />
    </View>
  );
}
