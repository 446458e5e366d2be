import { Input, Label, Text, View } from '@tarojs/components';
import './text-field.scss';

export type FieldType = 'text' | 'idcard' | 'number';

export interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  type?: FieldType;
  placeholder?: string;
  maxlength?: number;
  /** Turning this on moves the focus here (used to point at the first problem). */
  focus?: boolean;
  /** The problem with the current value, shown under the field. */
  error?: string;
}

export function TextField({ id, label, value, onInput, onBlur, type = 'text', placeholder, maxlength = 140, focus = false, error }: Props) {
  return (
    <View className={error ? 'eid-field eid-field--error' : 'eid-field'}>
      <Label className='eid-field__label' for={id}>
        {label}
      </Label>
      <Input
        id={id}
        className='eid-field__input'
        type={type}
        value={value}
        placeholder={placeholder}
        placeholderClass='eid-field__placeholder'
        maxlength={maxlength}
        focus={focus}
        ariaLabel={error ? `${label}: ${error}` : label}
        onInput={(event) => onInput(event.detail.value)}
        onBlur={onBlur}
      />
      {error && (
        <View className='eid-field__error' ariaRole='alert'>
          <Text>⚠ </Text>
          <Text id={`${id}-error`}>{error}</Text>
        </View>
      )}
    </View>
  );
}
