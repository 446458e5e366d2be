// Taro picks face-capture.weapp.tsx or face-capture.h5.tsx; this serves the type checker and other platforms.
export { FaceCapture } from './face-capture.h5';
