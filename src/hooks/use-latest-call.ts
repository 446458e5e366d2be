import { useMemo, useRef } from 'react';

export interface LatestCall {
  /** Starts a call; the returned check is true while no later call (or cancel) came after it. */
  begin: () => () => boolean;
  /** Drops every answer still on its way. */
  cancel: () => void;
}

/** Keeps only the newest request's answer: an older one that arrives late would show stale data. */
export function useLatestCall(): LatestCall {
  const latest = useRef(0);
  return useMemo(
    () => ({
      begin: () => {
        const call = ++latest.current;
        return () => call === latest.current;
      },
      cancel: () => {
        latest.current++;
      },
    }),
    [],
  );
}
