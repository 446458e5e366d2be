export { FaceChallenge, type Props as FaceChallengeProps } from './face-challenge';
