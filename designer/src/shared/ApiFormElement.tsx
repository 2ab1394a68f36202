import type { ComponentProps, ReactNode } from 'react';
import { FormAlert } from './Field';
import type { ApiForm } from './use-api-form';

/**
 * The `<form>` of a `useApiForm`: the contract checks it (not the browser), and the API's message
 * stands under the `heading`, above the fields.
 */
export function ApiFormElement({
  api,
  heading,
  children,
  ...attributes
}: { api: Pick<ApiForm<never, unknown>, 'formRef' | 'onSubmit' | 'alert'>; heading?: ReactNode; children: ReactNode } & Omit<ComponentProps<'form'>, 'ref' | 'onSubmit' | 'noValidate' | 'children'>) {
  return (
    <form ref={api.formRef} onSubmit={(event) => void api.onSubmit(event)} noValidate {...attributes}>
      {heading}
      <FormAlert errors={api.alert} />
      {children}
    </form>
  );
}
