import { z } from 'zod';

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

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  object: 'a group of settings',
  array: 'a list',
  record: 'a list of names and values',
};

function list(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function sizePhrase(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      if (small && bound === 1) return 'must not be empty';
      return `must be ${small ? 'at least' : 'at most'} ${bound} characters long`;
    case 'array':
    case 'set':
      if (small && bound === 1) return 'needs at least one entry';
      return small ? `needs at least ${bound} entries` : `can have at most ${bound} entries`;
    default:
      if (issue.inclusive === false) return `must be ${small ? 'greater' : 'less'} than ${bound}`;
      return `must be ${small ? 'at least' : 'at most'} ${bound}`;
  }
}

/**
 * Either a predicate to follow the setting's name ("must not be empty") or, for checks that carry
 * their own sentence, that sentence.
 */
export function describeIssue(issue: Issue): { predicate: string } | { sentence: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { predicate: 'is missing' };
      return { predicate: `must be ${typeNames[issue.expected] ?? issue.expected}` };
    case 'too_small':
    case 'too_big':
      return { predicate: sizePhrase(issue) };
    case 'invalid_value':
      return issue.values.length === 1
        ? { predicate: `must be ${list(issue.values)}` }
        : { predicate: `must be one of ${list(issue.values)}` };
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
        return { predicate: `must be one of ${list(issue.options)}` };
      }
      return { predicate: 'does not match any of the allowed forms' };
    case 'unrecognized_keys':
      return {
        sentence: `There ${issue.keys.length === 1 ? 'is a setting' : 'are settings'} this does not know: ${list(issue.keys)}.`,
      };
    case 'invalid_format':
      // Our formats all carry a sentence; zod's own default starts with "Invalid".
      return issue.message.startsWith('Invalid') ? { predicate: 'is not in the right format' } : { sentence: issue.message };
    case 'custom':
      return { sentence: issue.message };
    case 'not_multiple_of':
      return { predicate: `must be a multiple of ${issue.divisor}` };
    case 'invalid_key':
    case 'invalid_element':
      return { predicate: 'contains an entry that is not valid' };
  }
}

/**
 * `subject` names what is being checked ("step “Delay” (n3)" or "the flow"); the result is one
 * sentence that names the setting by title and path.
 */
export function issueSentence(subject: string, schema: Schema, issue: Issue): string {
  const path = formatPath(issue.path);
  const described = describeIssue(issue);
  if (issue.path.length === 0) {
    if ('sentence' in described) return `In ${subject}: ${described.sentence}`;
    // "the settings" is plural: "is missing" becomes "are missing".
    const plural = described.predicate.replace(/^is /, 'are ').replace(/^does /, 'do ');
    return `In ${subject}, the settings ${plural}.`;
  }
  const setting = `"${fieldTitle(schema, issue.path)}" (${path})`;
  return 'sentence' in described
    ? `In ${subject}, ${setting}: ${described.sentence}`
    : `In ${subject}, ${setting} ${described.predicate}.`;
}
