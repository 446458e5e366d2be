export { CheckRow, type Props as CheckRowProps } from './check-row';
