import { useState } from 'react';
import { errorMessage } from '../api/client';
import { requestVoid } from '../shared/request';

/** Deleting a row of the plan after asking; the API's refusal is kept to show beside the list. */
export function useRemove(reload: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  /** True once the row is gone. */
  async function remove(path: string, question: string): Promise<boolean> {
    if (!window.confirm(question)) return false;
    try {
      await requestVoid('DELETE', path);
      setError(null);
      await reload();
      return true;
    } catch (reason) {
      setError(errorMessage(reason));
      return false;
    }
  }
  return { error, remove };
}
