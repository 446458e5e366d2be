import { useSyncExternalStore } from 'react';
import { isElderMode, subscribeElderMode } from '../state/elder-mode';

/** Whether the age-friendly mode is on; re-renders the page when it is switched. */
export function useElderMode(): boolean {
  return useSyncExternalStore(subscribeElderMode, isElderMode, isElderMode);
}
