export { StaleDraft, type Props as StaleDraftProps } from './stale-draft';
