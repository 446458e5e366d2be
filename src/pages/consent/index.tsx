/**
 * Step 2: the separate, explicit consent to process sensitive personal data
 * (PIPL art. 29). Nothing is ticked for the citizen; the answer is a boolean
 * that travels with the enrollment request.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { maskIdNumber, maskName } from '../../../core/mask';
import { ActionButton } from '../../components/action-button';
import { CheckRow } from '../../components/check-row';
import { PageFrame } from '../../components/page-frame';
import { StaleDraft } from '../../components/stale-draft';
import { useT, type MessageKey } from '../../i18n';
import { backTo, goTo } from '../../navigation/navigation';
import { currentDraft, giveConsent } from '../../state/enrollment';
import './index.scss';

const COLLECTED: MessageKey[] = ['consent.what.name', 'consent.what.idNumber', 'consent.what.face', 'consent.what.video'];

const SECTIONS: Array<{ title: MessageKey; body: MessageKey }> = [
  { title: 'consent.whyTitle', body: 'consent.why' },
  { title: 'consent.keepTitle', body: 'consent.keep' },
  { title: 'consent.revokeTitle', body: 'consent.revoke' },
];

export default function Consent() {
  const { t } = useT();
  const [checked, setChecked] = useState(false);
  const [explained, setExplained] = useState(false);
  const draft = currentDraft();
  if (!draft) return <StaleDraft idPrefix='consent' titleKey='title.consent' />;

  const accept = () => {
    if (!checked) {
      setExplained(true);
      return;
    }
    giveConsent();
    goTo('face');
  };

  return (
    <PageFrame titleKey='title.consent' exit={{ id: 'consent-header-back', label: t('consent.backToForm'), onTap: () => backTo('enroll') }}>
      <Text className='eid-heading'>{t('consent.heading')}</Text>
      <Text id='consent-applicant' className='eid-paragraph consent__applicant'>
        {t('consent.applicant', { name: maskName(draft.name), idNumber: maskIdNumber(draft.idNumber) })}
      </Text>

      <Text className='eid-subheading'>{t('consent.whatTitle')}</Text>
      <View id='consent-collected' className='consent__list'>
        {COLLECTED.map((key) => (
          <Text key={key} className='eid-paragraph consent__item'>
            • {t(key)}
          </Text>
        ))}
      </View>

      {SECTIONS.map(({ title, body }) => (
        <View key={title}>
          <Text className='eid-subheading'>{t(title)}</Text>
          <Text className='eid-paragraph'>{t(body)}</Text>
        </View>
      ))}

      <CheckRow
        id='consent-check'
        label={t('consent.check')}
        checked={checked}
        onChange={(next) => {
          setChecked(next);
          setExplained(false);
        }}
      />
      {explained && !checked && (
        <Text id='consent-error' className='eid-explain'>
          {t('consent.needCheck')}
        </Text>
      )}
      <View className='eid-actions'>
        <ActionButton id='consent-accept' label={t('consent.accept')} blocked={!checked} onTap={accept} />
        <ActionButton id='consent-decline' variant='secondary' label={t('consent.decline')} onTap={() => backTo('enroll')} />
      </View>
    </PageFrame>
  );
}
