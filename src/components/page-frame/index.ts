export { PageFrame, type Props as PageFrameProps } from './page-frame';
export type { PageExit } from './types';
