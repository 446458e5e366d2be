export { CodeReader } from './code-reader';
export type { Props as CodeReaderProps } from './types';
