import { Text } from '@tarojs/components';
import type { Failure } from '../../../core/api';
import { supportCode } from '../../display/failure-text';
import { useT } from '../../i18n';

export interface Props {
  id: string;
  failure: Pick<Failure, 'code' | 'reason'>;
}

/** "Details for support: CODE · reason", small and last. */
export function SupportLine({ id, failure }: Props) {
  const { t } = useT();
  return (
    <Text id={id} className='eid-support'>
      {t('support.details')}
      <Text className='eid-support__code'>{supportCode(failure)}</Text>
    </Text>
  );
}
