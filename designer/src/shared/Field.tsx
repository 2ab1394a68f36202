import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from './form-errors';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled form control with its help and, in the API's words, what is wrong with it. */
export function Field({
  label,
  error,
  help,
  optional,
  className,
  children,
}: {
  label: ReactNode;
  error?: string | undefined;
  help?: ReactNode;
  optional?: boolean;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const { t } = useTranslation('shared');
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--problem' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional">{t('field.optional')}</span>}
      </label>
      {help && (
        <p className="field__help" id={helpId}>
          {help}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The request's own message and any details no field took, at the top of a form. */
export function FormAlert({ errors }: { errors: FormErrors }) {
  if (errors.summary === null) return null;
  return (
    <div className="callout callout--error" role="alert">
      <p>{errors.summary}</p>
      {errors.other.length > 0 && (
        <ul>
          {errors.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
