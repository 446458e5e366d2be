export { FaceStep, type FaceAnswer } from './face-step';
