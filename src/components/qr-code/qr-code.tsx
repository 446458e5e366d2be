// Taro picks qr-code.weapp.tsx or qr-code.h5.tsx; this serves the type checker and other platforms.
export { QrCode } from './qr-code.h5';
