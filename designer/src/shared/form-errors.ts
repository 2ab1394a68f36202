import { ApiError, errorMessage } from '../api/client';
import { i18next } from '../i18n/i18n';

/** A refusal split for a form: messages by field, and the rest for the top of the form. */
export interface FormErrors {
  /** The API's message for the whole request, e.g. "The goal is not SMART; …". */
  summary: string | null;
  /** Field path → the API's words for it ("Measurable: the goal has no numeric target"). */
  fields: Readonly<Record<string, string>>;
  /** Details that belong to no field on this form, shown with the summary. */
  other: readonly string[];
}

export const noErrors: FormErrors = { summary: null, fields: {}, other: [] };

/**
 * Sorts the API's details onto the form's fields. A detail lands on the field whose path is the
 * detail's path or its start (`period.end` → `period.end`, `warningOffset.amount` → `warningOffset`);
 * several messages for one field are joined.
 */
export function formErrorsOf(error: unknown, fieldPaths: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { summary: errorMessage(error), fields: {}, other: [] };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  const byLength = [...fieldPaths].sort((a, b) => b.length - a.length);
  for (const detail of error.details) {
    const field = byLength.find((path) => detail.path === path || detail.path.startsWith(`${path}.`));
    if (field === undefined) {
      other.push(detail.path ? i18next.t('shared:formErrors.other', { path: detail.path, message: detail.message }) : detail.message);
      continue;
    }
    // "is required" reads as a sentence only with the field named; SMART messages name their element.
    fields[field] = fields[field] ? `${fields[field]} ${detail.message}` : detail.message;
  }
  // The API's own summary of bad fields names them by path ("The request has 1 invalid field:
  // managerId."), for a developer; when each is marked on the form, the page says so in its words.
  const marked = Object.keys(fields).length;
  const summary = error.code === 'invalid_request' && other.length === 0 && marked > 0 ? i18next.t('shared:formErrors.marked', { count: marked }) : error.message;
  return { summary, fields, other };
}

/**
 * What the top of the form still shows: nothing once every field the refusal marked has been
 * changed to pass the form's own check (the marks are gone), unless the refusal said more.
 */
export function standingErrors(errors: FormErrors, stillMarked: (path: string) => boolean): FormErrors {
  const fields = Object.keys(errors.fields);
  if (errors.other.length > 0 || fields.length === 0) return errors;
  return fields.some(stillMarked) ? errors : noErrors;
}

/** Puts the cursor in the first field the API complained about, so a keyboard user lands there. */
export function focusFirstError(form: HTMLElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}
