export { CardScenes, type Props as CardScenesProps } from './card-scenes';
