/**
 * The browser: a native <input> with its <label>. Taro's h5 Input puts
 * aria-label on its wrapper element, which leaves the real input nameless for
 * a screen reader; here the label, aria-invalid and the error's description
 * sit on the input itself.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import type { Props } from './types';
import './text-field.scss';

const INPUT_MODE = { text: 'text', idcard: 'text', number: 'numeric' } as const;

export function TextField({ id, label, value, onInput, onBlur, type = 'text', placeholder, maxlength = 140, focus = false, error, secret = false }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;

  useEffect(() => {
    if (focus) input.current?.focus();
  }, [focus]);

  return (
    <View id={id} className={error ? 'eid-field eid-field--error' : 'eid-field'}>
      <label className='eid-field__label' htmlFor={inputId}>
        {label}
      </label>
      <input
        ref={input}
        id={inputId}
        className='eid-field__input'
        type={secret ? 'password' : 'text'}
        inputMode={INPUT_MODE[type]}
        autoComplete='off'
        value={value}
        placeholder={placeholder}
        maxLength={maxlength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onInput(event.target.value)}
        onBlur={onBlur}
      />
      {error && (
        <View className='eid-field__error' role='alert'>
          <Text>⚠ </Text>
          <Text id={errorId}>{error}</Text>
        </View>
      )}
    </View>
  );
}
