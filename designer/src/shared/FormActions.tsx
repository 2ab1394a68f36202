import type { ReactNode } from 'react';

/**
 * A form's row of buttons: the submit button says what it is doing while the form saves (and
 * cannot be pressed twice); whatever follows it — a Cancel, a second action, a "saved" note — is
 * `children`.
 */
export function FormActions({
  saving,
  label,
  savingLabel,
  primary = true,
  disabled = false,
  testId,
  children,
}: {
  saving: boolean;
  label: ReactNode;
  savingLabel: ReactNode;
  primary?: boolean;
  /** Besides saving: e.g. nothing has changed yet. */
  disabled?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className={primary ? 'button button--primary' : 'button'} disabled={saving || disabled} data-testid={testId}>
        {saving ? savingLabel : label}
      </button>
      {children}
    </div>
  );
}
