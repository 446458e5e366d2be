export { TextField } from './text-field';
export type { Props as TextFieldProps, FieldType } from './types';
