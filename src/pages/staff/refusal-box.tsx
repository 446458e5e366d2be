/**
 * A staff member's refusal, for the counter and the upgrade terminal alike:
 * the verdict, the error's title, what to do (staff wording), the tries left
 * when the failure says, and the support line. Announced as an alert.
 */
import { Text, View } from '@tarojs/components';
import type { Failure } from '../../../core/api';
import { SupportLine } from '../../components/failure-notice';
import { refusalReason, triesLeft } from '../../display/staff-refusal';
import { useT } from '../../i18n';
import { a11y } from '../../platform/a11y';

export interface Props {
  /** Prefix of the ids: `<id>-error`, `<id>-error-title`, … */
  id: string;
  verdict: string;
  failure: Failure;
}

export function RefusalBox({ id, verdict, failure }: Props) {
  const { t, errorTitle } = useT();
  const left = triesLeft(failure);
  return (
    <View id={`${id}-error`} className='staff__error' {...a11y({ role: 'alert' })}>
      <Text id={`${id}-error-verdict`} className='staff__verdict'>
        ✗ {verdict}
      </Text>
      <Text id={`${id}-error-title`} className='staff__error-title'>
        {errorTitle(failure.code)}
      </Text>
      <Text id={`${id}-error-reason`} className='staff__error-reason'>
        {t(refusalReason(failure))}
      </Text>
      {left !== undefined && (
        <Text id={`${id}-error-tries`} className='staff__error-reason'>
          {t('staff.why.triesLeft', { n: String(left) })}
        </Text>
      )}
      <SupportLine id={`${id}-error-code`} failure={failure} />
    </View>
  );
}
