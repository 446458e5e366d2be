// Taro picks text-field.weapp.tsx or text-field.h5.tsx; this serves the type checker and other platforms.
export { TextField } from './text-field.h5';
