import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';

/** A `Field` whose control is a `<select>` of a react-hook-form form; its options are `children`. */
export function SelectField({
  label,
  optional,
  help,
  error,
  registration,
  testId,
  children,
}: {
  label: ReactNode;
  optional?: boolean;
  help?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Field label={label} optional={optional} help={help} error={error}>
      {(props) => (
        <select {...props} {...registration} data-testid={testId}>
          {children}
        </select>
      )}
    </Field>
  );
}
