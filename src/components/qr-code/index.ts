export { QrCode } from './qr-code';
export type { Props as QrCodeProps } from './types';
