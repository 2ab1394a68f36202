import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client';

/**
 * The one button of a card that asks the server to do something (submit a plan, finalize a
 * review): it says what it is doing while it runs, and the API's refusal stands above it.
 */
export function ActionButton({
  act,
  confirm,
  label,
  busyLabel,
  icon,
  testId,
}: {
  act: () => Promise<void>;
  /** Asked first, where the step cannot be undone. */
  confirm?: string;
  label: string;
  busyLabel: string;
  icon: ReactNode;
  testId: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    if (confirm !== undefined && !window.confirm(confirm)) return;
    setBusy(true);
    try {
      await act();
      setError(null);
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()} data-testid={testId}>
        {icon} {busy ? busyLabel : label}
      </button>
    </>
  );
}
