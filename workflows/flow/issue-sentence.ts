import { z } from 'zod';
import type { DiagnosticArg, DiagnosticPhrase } from './diagnostic';

/**
 * Zod's messages are written for programmers ("Too small: expected number to be >0"); the people
 * drawing flows get sentences instead, naming the setting by its form title and by its path.
 */

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

function unwrap(schema: Schema): Schema {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap();
  }
  return current;
}

function titleOf(schema: Schema): string | undefined {
  return z.globalRegistry.get(schema)?.title;
}

function child(schema: Schema, key: PropertyKey): Schema | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return typeof key === 'string' && Object.hasOwn(inner.shape, key) ? inner.shape[key] : undefined;
  }
  if (inner instanceof z.ZodArray) return typeof key === 'number' ? inner.element : undefined;
  if (inner instanceof z.ZodRecord) return inner.valueType;
  if (inner instanceof z.ZodUnion) {
    // Variants use the same name for the same setting, so the first variant that has it will do.
    for (const option of inner.options) {
      const found = child(option, key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function humanize(key: PropertyKey): string {
  if (typeof key === 'number') return `entry ${key + 1}`;
  return String(key)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** The form title of the setting at `path` (the nearest titled one), or its humanised name. */
export function fieldTitle(schema: Schema, path: readonly PropertyKey[]): string {
  let current: Schema | undefined = schema;
  let title: string | undefined;
  for (const key of path) {
    current = current === undefined ? undefined : child(current, key);
    title = (current === undefined ? undefined : titleOf(current)) ?? (typeof key === 'string' ? humanize(key) : title);
  }
  return title ?? 'the settings';
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function list(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function sizePhrase(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): DiagnosticPhrase {
  const small = issue.code === 'too_small';
  const bound = String(Number(small ? issue.minimum : issue.maximum));
  switch (issue.origin) {
    case 'string':
      if (small && bound === '1') return { phrase: 'not_empty' };
      return { phrase: small ? 'text_at_least' : 'text_at_most', params: { bound } };
    case 'array':
    case 'set':
      if (small && bound === '1') return { phrase: 'needs_one_entry' };
      return { phrase: small ? 'entries_at_least' : 'entries_at_most', params: { bound } };
    default:
      if (issue.inclusive === false) return { phrase: small ? 'greater_than' : 'less_than', params: { bound } };
      return { phrase: small ? 'at_least' : 'at_most', params: { bound } };
  }
}

/**
 * Either a predicate to follow the setting's name ("must not be empty") or, for checks that carry
 * their own sentence, that sentence; `whole` says the predicate is about all the settings at once
 * ("are missing" rather than "is missing").
 */
export function describeIssue(issue: Issue, whole: 'yes' | 'no' = 'no'): { predicate: DiagnosticPhrase } | { sentence: DiagnosticPhrase } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { predicate: { phrase: 'is_missing', params: { whole } } };
      return { predicate: { phrase: 'must_be_type', params: { type: issue.expected } } };
    case 'too_small':
    case 'too_big':
      return { predicate: sizePhrase(issue) };
    case 'invalid_value':
      return { predicate: { phrase: issue.values.length === 1 ? 'must_equal' : 'one_of', params: { values: list(issue.values) } } };
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
        return { predicate: { phrase: 'one_of', params: { values: list(issue.options) } } };
      }
      return { predicate: { phrase: 'no_form', params: { whole } } };
    case 'unrecognized_keys':
      return { sentence: { phrase: 'unknown_settings', params: { count: issue.keys.length, keys: list(issue.keys) } } };
    case 'invalid_format':
      // Our formats all carry a sentence; zod's own default starts with "Invalid".
      return issue.message.startsWith('Invalid') ? { predicate: { phrase: 'wrong_format', params: { whole } } } : { sentence: { phrase: 'text', params: { text: issue.message } } };
    case 'custom':
      // The schema's own sentence (a refinement's message), as its author wrote it.
      return { sentence: { phrase: 'text', params: { text: issue.message } } };
    case 'not_multiple_of':
      return { predicate: { phrase: 'multiple_of', params: { divisor: String(issue.divisor) } } };
    case 'invalid_key':
    case 'invalid_element':
      return { predicate: { phrase: 'invalid_entry' } };
  }
}

/** What a sentence about a setting needs: which sentence, and its arguments. */
export type IssueWording = { wording: string; params: Record<string, DiagnosticArg> };

/**
 * `subject` names what is being checked (a step or the flow); the result is one sentence that
 * names the setting by title and path.
 */
export function issueWording(subject: DiagnosticPhrase, schema: Schema, issue: Issue): IssueWording {
  if (issue.path.length === 0) {
    const described = describeIssue(issue, 'yes');
    return 'sentence' in described
      ? { wording: 'issue_whole_sentence', params: { subject, sentence: described.sentence } }
      : { wording: 'issue_whole_predicate', params: { subject, predicate: described.predicate } };
  }
  const described = describeIssue(issue);
  const setting = { title: fieldTitle(schema, issue.path), path: formatPath(issue.path) };
  return 'sentence' in described
    ? { wording: 'issue_field_sentence', params: { subject, ...setting, sentence: described.sentence } }
    : { wording: 'issue_field_predicate', params: { subject, ...setting, predicate: described.predicate } };
}
