import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './Field';
import { PersonOptions } from './PersonOptions';
import type { PeopleState } from './people';

interface SelectFieldProps {
  label: ReactNode;
  optional?: boolean;
  help?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
  testId?: string;
  children: ReactNode;
}

/**
 * A `Field` whose control is a `<select>` of a react-hook-form form; its options are `children`.
 * While they are still `loading` (said in its text) the select waits, disabled: react-hook-form sets
 * a select's value once, when it is registered, and a value whose option came later would show as
 * the first option while the form kept (and sent) another.
 */
export function SelectField({ label, optional, help, error, registration, testId, children, loading }: SelectFieldProps & { loading?: string | undefined }) {
  return (
    <Field label={label} optional={optional} help={help} error={error}>
      {(props) =>
        loading === undefined ? (
          <select {...props} {...registration} data-testid={testId}>
            {children}
          </select>
        ) : (
          <select {...props} disabled data-testid={testId}>
            <option>{loading}</option>
          </select>
        )
      }
    </Field>
  );
}

/** A `SelectField` of people: `children` go before them (e.g. "Nobody yet"); it waits for the list. */
export function PersonSelectField({ people, children, ...field }: Omit<SelectFieldProps, 'children'> & { people: PeopleState; children?: ReactNode }) {
  const { t } = useTranslation('shared');
  const loading = people.status === 'ready' ? undefined : people.status === 'failed' ? people.message : t('loading');
  return (
    <SelectField {...field} loading={loading}>
      {children}
      <PersonOptions people={people} />
    </SelectField>
  );
}
