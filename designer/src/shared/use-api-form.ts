import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type * as z from 'zod/v4/core';
import { currentLanguage } from '../i18n/i18n';
import { checkOptionsIn, contractWordsIn } from './contract-words';
import { focusFirstError, formErrorsOf, noErrors, standingErrors, type FormErrors } from './form-errors';
import { fromLocalInput, type ZoneOption } from './time';

/**
 * Every field of a request body, each given a starting value: a field the contract adds is a
 * compile error here until the form decides what it starts as.
 */
export type FormDefaults<Body> = { [K in keyof Required<Body>]: Body[K] | undefined };

export interface ApiForm<Input extends FieldValues, Output> {
  form: UseFormReturn<Input, unknown, Output>;
  formRef: RefObject<HTMLFormElement | null>;
  /** For `<form onSubmit>`: checks the fields with the contract's schema, then saves. */
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  saving: boolean;
  /** The API's message and the details no field took, for `FormAlert`. */
  alert: FormErrors;
  /** Shows a refusal of another request the form makes (a second button), as a save's would be. */
  showRefusal: (error: unknown) => void;
  /** What is wrong with a field: the contract's words before sending, the API's after. */
  errorOf: (path: Path<Input>) => string | undefined;
}

/**
 * A form for one request body: react-hook-form holds what is typed (it stays after a refusal),
 * the contract's schema checks it before anything is sent, and a refusal from the API lands next
 * to its fields with the cursor on the first of them. `save` runs as a mutation.
 */
export function useApiForm<Input extends FieldValues, Output>({
  schema,
  defaultValues,
  save,
  onSaved,
}: {
  schema: z.$ZodType<Output, Input>;
  defaultValues: FormDefaults<Input>;
  save: (body: Output) => Promise<unknown>;
  /** After a save; by default the form starts over empty. */
  onSaved?: (form: UseFormReturn<Input, unknown, Output>) => void | Promise<void>;
}): ApiForm<Input, Output> {
  const language = currentLanguage();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema, checkOptionsIn(language)), defaultValues: defaultValues as DefaultValues<Input> });
  const [alert, setAlert] = useState<FormErrors>(noErrors);
  const mutation = useMutation({ mutationFn: save });
  const fields = fieldPathsOf(defaultValues);
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  // After the refused fields are on the page (marked aria-invalid), not before.
  useEffect(() => {
    if (refusals > 0) focusFirstError(formRef.current);
  }, [refusals]);

  function showRefusal(error: unknown) {
    const errors = formErrorsOf(error, fields);
    setAlert(errors);
    for (const [path, message] of Object.entries(errors.fields)) form.setError(path as Path<Input>, { type: 'server', message });
    setRefusals((n) => n + 1);
  }

  const onSubmit = form.handleSubmit(async (body) => {
    try {
      await mutation.mutateAsync(body);
    } catch (error) {
      showRefusal(error);
      return;
    }
    setAlert(noErrors);
    if (onSaved) await onSaved(form);
    else form.reset();
  });

  return {
    form,
    formRef,
    onSubmit,
    saving: mutation.isPending,
    alert: standingErrors(alert, (path) => get(form.formState.errors, path) !== undefined),
    showRefusal,
    errorOf: (path) => messagesOf(get(form.formState.errors, path), (message) => contractWordsIn(language, message)),
  };
}

/**
 * Where the API's details may land: every field, and the parts of a field that is a group (a
 * period's start and end), so a detail about one part stays beside that part.
 */
function fieldPathsOf(defaults: object): string[] {
  return Object.entries(defaults).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? [key, ...Object.keys(value).map((part) => `${key}.${part}`)] : [key],
  );
}

/** A field's message, or the messages of its parts (a group of inputs such as an early-warning rule), each in the page's words. */
function messagesOf(error: unknown, say: (message: string) => string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message !== '') return say(error.message);
  const parts = Object.entries(error)
    .filter(([key]) => key !== 'ref' && key !== 'type' && key !== 'message')
    .map(([, part]) => messagesOf(part, say))
    .filter((message): message is string => message !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** What an `<input>` or `<select>` holds, as the request body wants it (for `register(…, { setValueAs })`). */
export const typed = {
  /** Empty is left out. */
  optional: (value: string): string | undefined => (value === '' ? undefined : value),
  /** A `datetime-local` value as an instant, read in the browser's zone; empty is left out. */
  instant: (value: string): string | undefined => fromLocalInput(value),
  /** The same, read in the given zone (a project calendar's). */
  instantIn:
    (zone: ZoneOption) =>
    (value: string): string | undefined =>
      fromLocalInput(value, zone),
};
