/** Step 4: the card, or exactly what went wrong and what to do next. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { Notice } from '../../components/notice';
import { adviceFor, type NextAction } from '../../display/enroll-advice';
import { usePageTitle, useT, type MessageKey } from '../../i18n';
import { backTo, replaceWith, restartAt } from '../../navigation/navigation';
import { lastResult } from '../../state/last-result';
import './index.scss';

const ACTIONS: Record<NextAction, { id: string; label: MessageKey; run: () => void }> = {
  viewCard: { id: 'result-view-card', label: 'result.viewCard', run: () => restartAt('card') },
  retryFace: { id: 'result-retry-face', label: 'result.retryFace', run: () => replaceWith('face') },
  edit: { id: 'result-edit', label: 'result.edit', run: () => backTo('enroll') },
  consent: { id: 'result-consent', label: 'result.toConsent', run: () => backTo('consent') },
  cards: { id: 'result-cards', label: 'result.toCards', run: () => restartAt('cards') },
};

export default function Result() {
  const { t, errorTitle } = useT();
  usePageTitle('title.result');
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

  if (!outcome) {
    return (
      <View className='eid-page'>
        <Notice id='result-none' title={t('result.none')} titleId='result-title' />
        {buttons(['cards'])}
      </View>
    );
  }

  if (outcome.ok) {
    return (
      <View className='eid-page'>
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
      </View>
    );
  }

  const advice = adviceFor(outcome);
  return (
    <View className='eid-page'>
      <Notice tone='error' id='result-failure' title={errorTitle(outcome.code)} titleId='result-title'>
        <Text id='result-reason' className='eid-paragraph'>
          {t(advice.reason.key, advice.reason.vars)}
        </Text>
        {advice.extra && (
          <Text id='result-extra' className='eid-paragraph result__extra'>
            {t(advice.extra.key, advice.extra.vars)}
          </Text>
        )}
      </Notice>
      <Text id='result-code' className='result__code'>
        {outcome.code}
      </Text>
      {buttons(advice.actions)}
    </View>
  );
}
