import { Text, View } from '@tarojs/components';
import './check-row.scss';
import { a11y } from '../../platform/a11y';

export interface Props {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A large tick box with its label; the whole row is the tap target. */
export function CheckRow({ id, label, checked, onChange }: Props) {
  return (
    <View
      id={id}
      className={checked ? 'eid-check eid-check--on' : 'eid-check'}
      {...a11y({ role: 'checkbox', checked, label })}
      onClick={() => onChange(!checked)}
    >
      <View className='eid-check__box'>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text className='eid-check__label'>{label}</Text>
    </View>
  );
}
