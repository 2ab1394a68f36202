import DataLoader from 'dataloader';

/**
 * A loader that sends one question at a time: the loads that arrive while one is in flight are
 * asked together in the next, which is sent after each of them arrived, so no load is answered by
 * a question asked before it. What a cache needs that must see every change committed before a
 * read, whichever replica or process wrote it, at the cost of one statement per batch of reads.
 */
export function askedTogether<K, V>(ask: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let asking: Promise<unknown> = Promise.resolve();
  return new DataLoader<K, V>(
    (keys) => {
      const answer = ask(keys);
      asking = answer.catch(() => undefined);
      return answer;
    },
    { cache: false, maxBatchSize: 500, batchScheduleFn: (dispatch) => void asking.then(dispatch) },
  );
}
