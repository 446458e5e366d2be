export { LoadStatus, type Props as LoadStatusProps } from './load-status';
