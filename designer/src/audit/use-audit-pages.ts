import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../api/client';
import { useResource, type Resource } from '../shared/use-resource';
import type { AuditEvent, AuditPage } from '../../../api/contract/audit';

export interface AuditPages<T extends AuditPage> {
  first: Resource<T>;
  /** The first page's events, then every older page fetched so far. */
  events: AuditEvent[];
  /** Where the next older page starts; null when there is none. */
  nextBefore: number | null;
  more: () => Promise<void>;
  loadingMore: boolean;
  moreError: string | null;
  /** After a change: fetch the newest page again and forget the older ones. */
  refresh: () => Promise<void>;
}

/** The audit trail a page at a time, newest first: `load(before)` fetches the page older than `before`. */
export function useAuditPages<T extends AuditPage>(key: string, load: (before?: number) => Promise<T>): AuditPages<T> {
  const first = useResource(key, () => load());
  const [older, setOlder] = useState<{ key: string; events: AuditEvent[]; nextBefore: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  // Older pages belong to the filter they were fetched for.
  const shownOlder = older?.key === key ? older : null;
  const loaded = first.load.status === 'ready' ? first.load.value : null;
  const events = useMemo(() => [...(loaded?.events ?? []), ...(shownOlder?.events ?? [])], [loaded, shownOlder]);
  const nextBefore = shownOlder ? shownOlder.nextBefore : (loaded?.nextBefore ?? null);

  async function more() {
    if (nextBefore === null) return;
    setLoadingMore(true);
    try {
      const page = await load(nextBefore);
      setOlder({ key, events: [...(shownOlder?.events ?? []), ...page.events], nextBefore: page.nextBefore });
      setMoreError(null);
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  const { reload } = first;
  const refresh = useCallback(async () => {
    setOlder(null);
    await reload();
  }, [reload]);

  return { first, events, nextBefore, more, loadingMore, moreError, refresh };
}
