export { ActionButton, type Props as ActionButtonProps, type ButtonVariant } from './action-button';
