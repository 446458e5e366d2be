/** The citizen's card as the card package and the card page read it: the load state and a reload. */
import { useCallback, useState } from 'react';
import type { CardEndedView, CardView, Failure } from '../../core/api';
import { api } from '../api/client';
import { useLatestCall } from './use-latest-call';

/** `ended`: why the card package is empty, when the card moved to another account. */
export type CardLoad = { state: 'loading' } | { state: 'loaded'; card: CardView | null; ended?: CardEndedView } | { state: 'failed'; failure: Failure };

export interface HeldCard {
  load: CardLoad;
  /** Reads the card again; resolves to the new state, or null when a newer reload overtook this one. */
  reload: () => Promise<CardLoad | null>;
}

/** `quiet`: a reload keeps a loaded card on screen until the new answer arrives, instead of showing loading. */
export function useHeldCard({ quiet = false }: { quiet?: boolean } = {}): HeldCard {
  const [load, setLoad] = useState<CardLoad>({ state: 'loading' });
  const latestCall = useLatestCall();

  const reload = useCallback(async (): Promise<CardLoad | null> => {
    const isLatest = latestCall.begin();
    setLoad((before) => (quiet && before.state === 'loaded' ? before : { state: 'loading' }));
    const result = await api.getCard();
    if (!isLatest()) return null;
    const next: CardLoad = result.ok ? { state: 'loaded', card: result.card, ...(result.ended && { ended: result.ended }) } : { state: 'failed', failure: result };
    setLoad(next);
    return next;
  }, [latestCall, quiet]);

  return { load, reload };
}
