/**
 * Step 1: name and ID number, checked as they are typed with the shared rules
 * of core/. The button always answers: on an unfinished form it points at the
 * first problem instead of doing nothing.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { IdNumberReason, NameReason } from '../../../core/reasons';
import { normalizeIdNumber } from '../../../core/id-number';
import { ActionButton } from '../../components/action-button';
import { PageFrame, type PageExit } from '../../components/page-frame';
import { TextField } from '../../components/text-field';
import { checkEnrollmentForm } from '../../display/enrollment-form';
import { useT } from '../../i18n';
import { goTo, restartAt } from '../../navigation/navigation';
import { clearDraft, currentDraft, startDraft } from '../../state/enrollment';
import './index.scss';

type Field = 'name' | 'idNumber';

const FIELD_IDS: Record<Field, string> = { name: 'enroll-name', idNumber: 'enroll-id-number' };
/** 18 characters plus stray spaces around them, which the rules trim. */
const ID_INPUT_MAX = 20;
/** Longer than any name the rules accept, so the rules (not the input) say "too long". */
const NAME_INPUT_MAX = 100;

export default function Enroll() {
  const { t } = useT();
  const draft = currentDraft();
  const [name, setName] = useState(draft?.name ?? '');
  const [idNumber, setIdNumber] = useState(draft?.idNumber ?? '');
  const [touched, setTouched] = useState<Record<Field, boolean>>({ name: !!draft, idNumber: !!draft });
  const [submitTried, setSubmitTried] = useState(false);
  const [focused, setFocused] = useState<Field | null>(null);

  const check = useMemo(() => checkEnrollmentForm(name, idNumber, new Date()), [name, idNumber]);
  const idComplete = normalizeIdNumber(idNumber).length >= 18;

  // Say what is wrong as soon as it is certain, not while a value is still being typed.
  const nameShown = (reason: NameReason): boolean => {
    if (submitTried) return true;
    if (reason === 'latin_not_allowed') return touched.idNumber || idComplete;
    if (reason === 'empty' || reason === 'dots') return touched.name;
    return true;
  };
  const idShown = (reason: IdNumberReason): boolean => submitTried || touched.idNumber || idComplete || reason !== 'format';

  const nameError = check.name && nameShown(check.name) ? t(`reason.name.${check.name}`) : undefined;
  const idError = check.idNumber && idShown(check.idNumber) ? t(`reason.id.${check.idNumber}`) : undefined;

  const blur = (field: Field) => {
    setFocused(null);
    setTouched((before) => ({ ...before, [field]: true }));
  };

  const submit = () => {
    if (check.valid) {
      startDraft(check.valid.name, check.valid.idNumber);
      goTo('consent');
      return;
    }
    setSubmitTried(true);
    const first: Field = check.name ? 'name' : 'idNumber';
    setFocused(first);
    Taro.pageScrollTo({ selector: `#${FIELD_IDS[first]}`, duration: 200 }).catch(() => undefined);
  };

  // The reason itself stands once, next to its field; here only which field to look at.
  const explanation = nameError
    ? t('enroll.fix', { field: t('enroll.name') })
    : idError
      ? t('enroll.fix', { field: t('enroll.idNumber') })
      : t('enroll.fillIn');

  const cancel = () => {
    clearDraft();
    restartAt('cards');
  };
  const exit: PageExit = { id: 'enroll-header-back', label: t('enroll.cancel'), onTap: cancel };

  return (
    <PageFrame titleKey='title.enroll' exit={exit}>
      <Text className='eid-paragraph enroll__intro'>{t('enroll.intro')}</Text>
      <TextField
        id={FIELD_IDS.name}
        label={t('enroll.name')}
        value={name}
        placeholder={t('enroll.namePlaceholder')}
        maxlength={NAME_INPUT_MAX}
        focus={focused === 'name'}
        error={nameError}
        onInput={setName}
        onBlur={() => blur('name')}
      />
      <TextField
        id={FIELD_IDS.idNumber}
        label={t('enroll.idNumber')}
        type='idcard'
        value={idNumber}
        placeholder={t('enroll.idPlaceholder')}
        maxlength={ID_INPUT_MAX}
        focus={focused === 'idNumber'}
        error={idError}
        onInput={setIdNumber}
        onBlur={() => blur('idNumber')}
      />
      <View className='eid-actions'>
        <ActionButton id='enroll-submit' label={t('enroll.submit')} blocked={!check.valid} onTap={submit} />
        {!check.valid && (
          <Text id='enroll-error' className='eid-explain'>
            {explanation}
          </Text>
        )}
        <ActionButton id='enroll-cancel' variant='secondary' label={t('enroll.cancel')} onTap={cancel} />
      </View>
    </PageFrame>
  );
}
