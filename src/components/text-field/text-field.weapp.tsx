/** WeChat: the native input, its label and its error; aria-* reach it through config/weapp-aria-plugin.js. */
import { Input, Label, Text, View } from '@tarojs/components';
import type { Props } from './types';
import './text-field.scss';
import { a11y } from '../../platform/a11y';

export function TextField({ id, label, value, onInput, onBlur, type = 'text', placeholder, maxlength = 140, focus = false, error, secret = false }: Props) {
  return (
    <View className={error ? 'eid-field eid-field--error' : 'eid-field'}>
      <Label className='eid-field__label' for={id}>
        {label}
      </Label>
      <Input
        id={id}
        className='eid-field__input'
        type={type}
        password={secret}
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
        <View className='eid-field__error' {...a11y({ role: 'alert' })}>
          <Text>⚠ </Text>
          <Text id={`${id}-error`}>{error}</Text>
        </View>
      )}
    </View>
  );
}
