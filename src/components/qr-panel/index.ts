export { QrPanel, type Props as QrPanelProps } from './qr-panel';
