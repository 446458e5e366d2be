/**
 * The colour upgrade at a registered terminal (journey 4), as its staff plays
 * it in the simulator: read the citizen's upgrade code, record the terminal's
 * in-person check (SIMULATED: the physical ID card read, the live face match),
 * let the citizen type the card password on the keypad, and submit. The
 * answer is the card turned colour, or the refusal in words. The password
 * lives only in this page's state until the answer comes, and every answer
 * (or hiding the page) clears the whole form for the next person.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide } from '@tarojs/taro';
import { useState } from 'react';
import type { Failure, UpgradeView } from '../../../../core/api';
import { CARD_PASSWORD_PATTERN } from '../../../../core/card-password';
import { api } from '../../../api/client';
import { ActionButton } from '../../../components/action-button';
import { CheckRow } from '../../../components/check-row';
import { CodeReader } from '../../../components/code-reader';
import { Notice } from '../../../components/notice';
import { PageFrame, type PageExit } from '../../../components/page-frame';
import { TextField } from '../../../components/text-field';
import { localDateTime } from '../../../display/dates';
import { useLatestCall } from '../../../hooks/use-latest-call';
import { useT } from '../../../i18n';
import { backTo } from '../../../navigation/navigation';
import { a11y } from '../../../platform/a11y';
import { RefusalBox } from '../refusal-box';
import { ResultBox } from '../result-box';
import '../index.scss';
import './index.scss';

type Submission = { state: 'form' } | { state: 'submitting' } | { state: 'upgraded'; view: UpgradeView } | { state: 'refused'; failure: Failure };

interface Form {
  token: string | null;
  password: string;
  idCardRead: boolean;
  faceMatch: boolean;
  /** What is missing, said after a tap on submit. */
  missing?: 'code' | 'password';
}

const EMPTY_FORM: Form = { token: null, password: '', idCardRead: false, faceMatch: false };

export default function UpgradeTerminal() {
  const { t } = useT();
  const [submission, setSubmission] = useState<Submission>({ state: 'form' });
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  // A new reader after each answer, so a pasted code does not linger for the next person.
  const [readerKey, setReaderKey] = useState(0);
  const latestCall = useLatestCall();

  const clearForm = () => {
    setForm(EMPTY_FORM);
    setReaderKey((key) => key + 1);
  };
  const reset = () => {
    latestCall.cancel();
    clearForm();
    setSubmission({ state: 'form' });
  };

  useDidHide(reset);

  const submit = async () => {
    if (form.token === null) return setForm({ ...form, missing: 'code' });
    if (!CARD_PASSWORD_PATTERN.test(form.password)) return setForm({ ...form, missing: 'password' });
    const request = { token: form.token, password: form.password, inPersonCheck: { idCardRead: form.idCardRead, faceMatch: form.faceMatch } };
    const isLatest = latestCall.begin();
    setSubmission({ state: 'submitting' });
    const result = await api.upgradeAtTerminal(request);
    // Whatever the answer, the password and the code go: the next try, or the next person, starts from an empty form.
    clearForm();
    if (!isLatest()) return;
    setSubmission(result.ok ? { state: 'upgraded', view: result } : { state: 'refused', failure: result });
  };

  const exit: PageExit = { id: 'terminal-header-back', label: t('terminal.back'), onTap: () => backTo('staff') };
  const next = (
    <View className='eid-actions'>
      <ActionButton id='terminal-next' label={t('terminal.next')} onTap={reset} />
      <ActionButton id='terminal-back' variant='secondary' label={t('terminal.back')} onTap={() => backTo('staff')} />
    </View>
  );

  if (submission.state === 'upgraded') {
    return (
      <PageFrame titleKey='title.upgradeTerminal' exit={exit}>
        <ResultBox id='terminal' verdict={t('terminal.success')} time={t('terminal.resultTime', { time: localDateTime(submission.view.upgradedAt) })}>
          <Text id='terminal-result-level' className='terminal__level'>
            {t('terminal.successDetail')}
          </Text>
        </ResultBox>
        {next}
      </PageFrame>
    );
  }

  if (submission.state === 'refused') {
    return (
      <PageFrame titleKey='title.upgradeTerminal' exit={exit}>
        <RefusalBox id='terminal' verdict={t('terminal.refused')} failure={submission.failure} />
        {next}
      </PageFrame>
    );
  }

  const busy = submission.state === 'submitting';
  return (
    <PageFrame titleKey='title.upgradeTerminal' exit={exit}>
      <Text className='eid-heading'>{t('terminal.heading')}</Text>
      <Text id='terminal-intro' className='eid-paragraph'>
        {t('terminal.intro')}
      </Text>

      <Text className='eid-subheading'>{t('terminal.codeTitle')}</Text>
      {form.token === null ? (
        <CodeReader
          key={readerKey}
          idPrefix='terminal'
          busy={busy}
          submitLabel={t('terminal.readCode')}
          noTerminalNote={t('terminal.noTerminal')}
          onCode={(token) => setForm({ ...form, token, missing: undefined })}
        />
      ) : (
        <View id='terminal-code-read' className='terminal__code-read'>
          <Text className='terminal__code-read-text'>{t('terminal.codeRead')}</Text>
          <ActionButton id='terminal-read-again' variant='secondary' label={t('terminal.readAgain')} onTap={() => setForm({ ...form, token: null })} />
        </View>
      )}
      {form.missing === 'code' && (
        <Text id='terminal-code-needed' className='eid-explain' {...a11y({ role: 'alert' })}>
          ⚠ {t('terminal.codeNeeded')}
        </Text>
      )}

      <Text className='eid-subheading'>{t('terminal.checkTitle')}</Text>
      <Text className='eid-paragraph'>{t('terminal.checkHint')}</Text>
      <CheckRow id='terminal-id-card' label={t('terminal.check.idCard')} checked={form.idCardRead} onChange={(idCardRead) => setForm({ ...form, idCardRead })} />
      <CheckRow id='terminal-face' label={t('terminal.check.face')} checked={form.faceMatch} onChange={(faceMatch) => setForm({ ...form, faceMatch })} />

      <Text className='eid-subheading'>{t('terminal.passwordTitle')}</Text>
      <TextField
        id='terminal-password'
        label={t('terminal.password')}
        value={form.password}
        onInput={(password) => setForm({ ...form, password, missing: form.missing === 'password' ? undefined : form.missing })}
        type='number'
        maxlength={8}
        secret
        error={form.missing === 'password' ? t('terminal.passwordNeeded') : undefined}
      />

      {busy && (
        <Notice id='terminal-loading'>
          <Text>{t('terminal.submitting')}</Text>
        </Notice>
      )}

      <View className='eid-actions'>
        <ActionButton
          id='terminal-submit'
          label={t('terminal.submit')}
          busy={busy}
          busyLabel={t('terminal.submitting')}
          blocked={form.token === null || !CARD_PASSWORD_PATTERN.test(form.password)}
          onTap={() => void submit()}
        />
        <ActionButton id='terminal-back' variant='secondary' label={t('terminal.back')} onTap={() => backTo('staff')} />
      </View>
    </PageFrame>
  );
}
