import { useState } from 'react';
import { errorMessage } from '../api/client';
import { requestVoid } from '../shared/request';

/** Deleting a row of the plan after asking; the API's refusal is kept to show beside the list. */
export function useRemove(reload: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  async function remove(path: string, question: string) {
    if (!window.confirm(question)) return;
    try {
      await requestVoid('DELETE', path);
      setError(null);
      await reload();
    } catch (reason) {
      setError(errorMessage(reason));
    }
  }
  return { error, remove };
}
