export { ElderToggle, type Props as ElderToggleProps } from './elder-toggle';
