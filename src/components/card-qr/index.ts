export { CardQr, type Props as CardQrProps } from './card-qr';
