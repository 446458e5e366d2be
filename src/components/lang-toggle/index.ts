export { LangToggle, type Props as LangToggleProps } from './lang-toggle';
