export { FaceCapture } from './face-capture';
export type { Props as FaceCaptureProps } from './types';
