import { useCallback, useEffect, useRef, useState } from 'react';
import { focusFirstError, formErrorsOf, noErrors, type FormErrors } from './form-errors';

/**
 * Saving a form: the API's refusal lands next to its fields and the cursor on the first of them;
 * the typed values are the form's own state and stay as they are until a save succeeds.
 */
export function useSubmit(fieldPaths: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const paths = useRef(fieldPaths);
  paths.current = fieldPaths;
  const focusPending = useRef(false);

  // After the refused fields are on the page (marked aria-invalid), not before: on a busy machine a
  // frame can come before React has committed them.
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    focusFirstError(formRef.current);
  }, [errors]);

  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setSaving(true);
    try {
      await action();
      setErrors(noErrors);
      return true;
    } catch (error) {
      focusPending.current = true;
      setErrors(formErrorsOf(error, paths.current));
      return false;
    } finally {
      setSaving(false);
    }
  }, []);

  return { errors, saving, formRef, run, clear: () => setErrors(noErrors) };
}
