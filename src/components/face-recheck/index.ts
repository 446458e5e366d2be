export { FaceRecheck, type Props as FaceRecheckProps, type RecheckPurpose } from './face-recheck';
