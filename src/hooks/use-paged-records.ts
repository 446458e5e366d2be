/**
 * A list of records read page by page, newest first (the usage page's
 * counter verifications and the services' exchanges): the first page on
 * reload, the next one on "more", each answer kept only while it is the
 * latest asked for. A failed "more" keeps what is shown and says so.
 */
import { useState } from 'react';
import type { Failure, Result } from '../../core/api';
import { useLatestCall } from './use-latest-call';

export type PagedLoad<T> =
  | { state: 'loading' }
  | { state: 'failed'; failure: Failure }
  | { state: 'loaded'; items: T[]; nextBefore: number | null; more: 'idle' | 'loading' | Failure };

/** One page: the records after `before` (the previous page's last id), and where the next page starts. */
export type FetchPage<T> = (before: number | undefined) => Promise<Result<{ items: T[]; nextBefore: number | null }>>;

export function usePagedRecords<T>(fetchPage: FetchPage<T>) {
  const [load, setLoad] = useState<PagedLoad<T>>({ state: 'loading' });
  const latestCall = useLatestCall();

  const reload = async () => {
    const isLatest = latestCall.begin();
    setLoad({ state: 'loading' });
    const result = await fetchPage(undefined);
    if (!isLatest()) return;
    setLoad(result.ok ? { state: 'loaded', items: result.items, nextBefore: result.nextBefore, more: 'idle' } : { state: 'failed', failure: result });
  };

  const loadMore = async () => {
    if (load.state !== 'loaded' || load.nextBefore === null || load.more === 'loading') return;
    const isLatest = latestCall.begin();
    const shown = load;
    setLoad({ ...shown, more: 'loading' });
    const result = await fetchPage(shown.nextBefore ?? undefined);
    if (!isLatest()) return;
    setLoad(result.ok ? { state: 'loaded', items: [...shown.items, ...result.items], nextBefore: result.nextBefore, more: 'idle' } : { ...shown, more: result });
  };

  return { load, reload, loadMore };
}
