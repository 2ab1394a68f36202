import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageState } from './PageState';
import { usePageQuery } from './queries';

/**
 * A page that shows one query's answer: "Loading…" and "Try again" as every page shows them, then
 * `children` with what was loaded and a `reload` for after a change.
 */
export function QueryPage<T>({
  queryKey,
  load,
  className = 'page',
  children,
}: {
  queryKey: QueryKey;
  load: (context: { signal: AbortSignal }) => Promise<T>;
  className?: string;
  children: (value: T, reload: () => Promise<void>) => ReactNode;
}) {
  const resource = usePageQuery(queryKey, load);
  return (
    <main className={className}>
      <PageState load={resource.load} retry={resource.retry}>
        {(value) => children(value, resource.reload)}
      </PageState>
    </main>
  );
}
