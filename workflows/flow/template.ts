import type { DiagnosticPhrase } from './diagnostic';
/**
 * Message templates: plain text with `{{variable.name}}` placeholders and nothing else, so a
 * template can never run code and the designer can list what it uses.
 */

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;
const variableName = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** The variable names a template uses, in order of first appearance, without repeats. */
export function templateVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholder)) {
    const name = match[1];
    if (name !== undefined && variableName.test(name)) names.add(name);
  }
  return [...names];
}

/** What is wrong with the placeholders (a phrase of the flowDiagnostics catalog), or null when they are fine. */
export function templateProblem(text: string): DiagnosticPhrase | null {
  for (const match of text.matchAll(placeholder)) {
    const name = match[1] ?? '';
    if (!variableName.test(name)) {
      return name === '' ? { phrase: 'template_empty' } : { phrase: 'template_invalid', params: { placeholder: match[0] } };
    }
  }
  const rest = text.replace(placeholder, '');
  if (rest.includes('{{') || rest.includes('}}')) return { phrase: 'template_unbalanced' };
  return null;
}

/**
 * Follows a dotted name through plain data, looking only at own properties so a name like
 * `constructor` can never reach into JavaScript internals.
 */
export function lookupVariable(context: unknown, name: string): unknown {
  let current: unknown = context;
  for (const segment of name.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = Reflect.get(current, segment);
  }
  return current;
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Fills the placeholders from the context; unknown or non-text values become empty text. */
export function renderTemplate(text: string, context: unknown): string {
  return text.replace(placeholder, (_whole, name: string) =>
    variableName.test(name) ? display(lookupVariable(context, name)) : '',
  );
}
