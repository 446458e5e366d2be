/**
 * The age-friendly mode (适老化): larger type and touch targets. The
 * citizen's own choice is kept on the device; until they choose, the mode
 * follows the system font size where the platform tells it.
 */
import { prefersLargeText } from '../platform/system-font';
import { devicePreference } from './device-preference';

const elderMode = devicePreference<boolean>(
  'eid.elderMode',
  (stored) => (stored === 'on' ? true : stored === 'off' ? false : prefersLargeText()),
  (on) => (on ? 'on' : 'off'),
);

export const isElderMode = elderMode.get;
export const setElderMode = elderMode.set;
export const subscribeElderMode = elderMode.subscribe;
