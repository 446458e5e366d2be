export { CardLocked, type Props as CardLockedProps } from './card-locked';
