export { CardFace, type Props as CardFaceProps } from './card-face';
