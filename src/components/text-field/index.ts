export { TextField, type Props as TextFieldProps, type FieldType } from './text-field';
