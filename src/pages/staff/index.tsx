/**
 * The counter's side of journey 3: choose the scene, scan the citizen's code,
 * see exactly the attributes that scene releases, or why the code was
 * refused. Released data stays in memory and is cleared when the page hides.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure, VerificationView } from '../../../core/api';
import { ATTRIBUTES, PRESENTABLE_SCENES, type Attribute, type ReleasedAttributes, type Scene } from '../../../core/scenes';
import { api } from '../../api/client';
import { ActionButton } from '../../components/action-button';
import { CodeReader } from '../../components/code-reader';
import { Notice } from '../../components/notice';
import { SceneTabs } from '../../components/scene-tabs';
import { PageFrame, type PageExit } from '../../components/page-frame';
import { localDateTime } from '../../display/dates';
import { sceneLabel } from '../../display/scene-text';
import { useLatestCall } from '../../hooks/use-latest-call';
import { useT } from '../../i18n';
import { backTo, goTo } from '../../navigation/navigation';
import { RefusalBox } from './refusal-box';
import { ResultBox } from './result-box';
import './index.scss';

type Check = { state: 'idle' } | { state: 'verifying' } | { state: 'verified'; view: VerificationView } | { state: 'refused'; failure: Failure };

export default function Staff() {
  const { t, lang } = useT();
  const [scene, setScene] = useState<Scene>(PRESENTABLE_SCENES[0]);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  // A new reader after each result, so a pasted code does not linger for the next person.
  const [readerKey, setReaderKey] = useState(0);
  const latestCall = useLatestCall();

  const reset = () => {
    latestCall.cancel();
    setCheck({ state: 'idle' });
    setReaderKey((key) => key + 1);
  };

  useDidHide(reset);

  const verify = async (token: string) => {
    const isLatest = latestCall.begin();
    setCheck({ state: 'verifying' });
    const result = await api.verifyAtCounter({ token, scene });
    if (!isLatest()) return;
    setCheck(result.ok ? { state: 'verified', view: result } : { state: 'refused', failure: result });
  };

  const valueOf = (attribute: Attribute, attributes: ReleasedAttributes): string => {
    const value = attributes[attribute];
    if (typeof value === 'boolean') return t(value ? 'staff.yes' : 'staff.no');
    if (attribute === 'level' && (value === 'basic' || value === 'colour')) return t(`card.level.${value}`);
    return String(value);
  };

  const exit: PageExit = { id: 'staff-header-back', label: t('staff.back'), onTap: () => backTo('cards') };

  if (check.state === 'verified') {
    const { view } = check;
    const shown = ATTRIBUTES.filter((attribute) => view.attributes[attribute] !== undefined);
    return (
      <PageFrame titleKey='title.staff' exit={exit}>
        <ResultBox id='staff' verdict={t('staff.success')} time={t('staff.resultTime', { time: localDateTime(view.verifiedAt) })}>
          <Text id='staff-result-scene' className='eid-paragraph'>
            {t('staff.resultScene', { scene: sceneLabel(view.scene, lang) })}
          </Text>
          {shown.map((attribute) => (
            <View key={attribute} id={`staff-attr-${attribute}`} className='staff__attr'>
              <Text className='staff__attr-label'>{t(`staff.attr.${attribute}`)}</Text>
              <Text
                id={`staff-attr-${attribute}-value`}
                className={attribute === 'idNumber' || attribute === 'maskedIdNumber' ? 'staff__attr-value staff__attr-value--number' : 'staff__attr-value'}
              >
                {valueOf(attribute, view.attributes)}
              </Text>
            </View>
          ))}
        </ResultBox>
        <View className='eid-actions'>
          <ActionButton id='staff-next' label={t('staff.next')} onTap={reset} />
        </View>
      </PageFrame>
    );
  }

  return (
    <PageFrame titleKey='title.staff' exit={exit}>
      <Text className='eid-heading'>{t('staff.heading')}</Text>
      <Text className='eid-paragraph'>{t('staff.intro')}</Text>

      <Text className='eid-subheading'>{t('staff.sceneTitle')}</Text>
      <SceneTabs
        id='staff-scene'
        label={t('staff.sceneTitle')}
        scenes={PRESENTABLE_SCENES}
        current={scene}
        onPick={(option) => {
          setScene(option);
          if (check.state === 'refused') setCheck({ state: 'idle' });
        }}
      />

      <Text className='eid-subheading'>{t('staff.codeTitle')}</Text>
      <CodeReader key={readerKey} busy={check.state === 'verifying'} onCode={(token) => void verify(token)} />

      {check.state === 'verifying' && (
        <Notice id='staff-loading'>
          <Text>{t('staff.verifying')}</Text>
        </Notice>
      )}

      {check.state === 'refused' && (
        <RefusalBox id='staff' verdict={t('staff.refused')} failure={check.failure} />
      )}

      <View className='eid-actions'>
        <ActionButton id='staff-upgrade-terminal' variant='secondary' label={t('staff.toUpgradeTerminal')} onTap={() => goTo('upgradeTerminal')} />
        <ActionButton id='staff-back' variant='secondary' label={t('staff.back')} onTap={() => backTo('cards')} />
      </View>
    </PageFrame>
  );
}
