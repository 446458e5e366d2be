/** Step 4: the card, or exactly what went wrong and what to do next. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FailureNotice } from '../../components/failure-notice';
import { Notice } from '../../components/notice';
import { PageFrame, type PageExit } from '../../components/page-frame';
import { adviceFor, type NextAction } from '../../display/enroll-advice';
import { useT, type MessageKey } from '../../i18n';
import { backTo, replaceWith, restartAt } from '../../navigation/navigation';
import { startMove } from '../../state/enrollment';
import { lastResult } from '../../state/last-result';
import './index.scss';

const ACTIONS: Record<NextAction, { id: string; label: MessageKey; run: () => void }> = {
  viewCard: { id: 'result-view-card', label: 'result.viewCard', run: () => restartAt('card') },
  retryFace: { id: 'result-retry-face', label: 'result.retryFace', run: () => replaceWith('face') },
  edit: { id: 'result-edit', label: 'result.edit', run: () => backTo('enroll') },
  consent: { id: 'result-consent', label: 'result.toConsent', run: () => backTo('consent') },
  cards: { id: 'result-cards', label: 'result.toCards', run: () => restartAt('cards') },
  moveHere: {
    id: 'result-move-here',
    label: 'result.moveHere',
    run: () => {
      startMove();
      replaceWith('face');
    },
  },
};

export default function Result() {
  const { t } = useT();
  // Read once: the page shows the attempt that led here.
  const [outcome] = useState(lastResult);

  const buttons = (actions: NextAction[]) => (
    <View className='eid-actions'>
      {actions.map((action, index) => (
        <ActionButton
          key={action}
          id={ACTIONS[action].id}
          variant={index === 0 ? 'primary' : 'secondary'}
          label={t(ACTIONS[action].label)}
          onTap={ACTIONS[action].run}
        />
      ))}
    </View>
  );

  const exit: PageExit = { id: 'result-header-back', label: t('result.toCards'), onTap: ACTIONS.cards.run };

  if (!outcome) {
    return (
      <PageFrame titleKey='title.result' exit={exit}>
        <Notice id='result-none' title={t('result.none')} titleId='result-title' />
        {buttons(['cards'])}
      </PageFrame>
    );
  }

  if (outcome.ok) {
    return (
      <PageFrame titleKey='title.result' exit={exit}>
        <View className='result__mark'>
          <Text>✓</Text>
        </View>
        <Text id='result-title' className='eid-heading result__title'>
          {t('result.success')}
        </Text>
        <Text id='result-reason' className='eid-paragraph'>
          {t('result.successBody')}
        </Text>
        {buttons(['viewCard', 'cards'])}
      </PageFrame>
    );
  }

  const advice = adviceFor(outcome);
  return (
    <PageFrame titleKey='title.result' exit={exit}>
      <FailureNotice id='result-failure' failure={outcome} titleId='result-title'>
        <Text id='result-reason' className='eid-paragraph'>
          {t(advice.reason.key, advice.reason.vars)}
        </Text>
        {advice.extra && (
          <Text id='result-extra' className='eid-paragraph result__extra'>
            {t(advice.extra.key, advice.extra.vars)}
          </Text>
        )}
      </FailureNotice>
      {buttons(advice.actions)}
    </PageFrame>
  );
}
