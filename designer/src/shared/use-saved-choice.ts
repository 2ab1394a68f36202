import { useState } from 'react';
import { errorMessage } from '../api/client';

/**
 * A choice saved as soon as it is made (a drop-down that saves on change): whether it is being
 * saved, whether the last one was saved (a flag: the note is worded at the next render, in the
 * language just chosen if that was the choice), and why it was not.
 */
export function useSavedChoice<T>(save: (value: T) => Promise<unknown>) {
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function choose(value: T) {
    setSaving(true);
    try {
      await save(value);
      setError(null);
      setDone(true);
    } catch (reason) {
      setDone(false);
      setError(errorMessage(reason));
    } finally {
      setSaving(false);
    }
  }
  return { saving, done, error, choose };
}
