import type { QueryKey } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { PageState } from './PageState';
import { usePageQuery } from './queries';

/**
 * A page that shows one query's answer: "Loading…" and "Try again" as every page shows them, then
 * the `view` of what was loaded, with a `reload` for after a change.
 */
export function QueryPage<T>({
  queryKey,
  load,
  className = 'page',
  view: View,
}: {
  queryKey: QueryKey;
  load: (context: { signal: AbortSignal }) => Promise<T>;
  className?: string;
  view: ComponentType<{ data: T; reload: () => Promise<void> }>;
}) {
  const resource = usePageQuery(queryKey, load);
  return (
    <main className={className}>
      <PageState load={resource.load} retry={resource.retry}>
        {(data) => <View data={data} reload={resource.reload} />}
      </PageState>
    </main>
  );
}
