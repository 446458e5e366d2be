export { HeldCardStatus, type Props as HeldCardStatusProps } from './held-card-status';
