import type { Rule } from '../../../../workflows/flow';
import { i18next } from '../../i18n/i18n';

/**
 * The condition rules people can edit as a form: one or more comparisons of a variable with a
 * value, all or any of which must hold. Anything else JSON Logic allows is still accepted and
 * shown as text, because a rule written elsewhere must not be lost by opening it here.
 */
export const comparisonOperators = ['<', '<=', '>', '>=', '==', '!='] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

/** "is below": how a comparison reads, in the page's language. */
export function comparisonLabel(operator: ComparisonOperator): string {
  return i18next.t(`flowDesigner:rule.operators.${operator}`);
}

export type ComparisonValue = number | string | boolean;

export interface Comparison {
  readonly variable: string;
  readonly operator: ComparisonOperator;
  readonly value: ComparisonValue;
}

export interface RuleForm {
  readonly join: 'and' | 'or';
  readonly comparisons: readonly Comparison[];
}

function isComparisonOperator(op: string): op is ComparisonOperator {
  return comparisonOperators.some((known) => known === op);
}

function singleEntry(value: unknown): [string, unknown] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  const [first] = entries;
  return entries.length === 1 && first !== undefined ? first : null;
}

function variableName(operand: unknown): string | null {
  const entry = singleEntry(operand);
  if (entry === null || entry[0] !== 'var') return null;
  const name = Array.isArray(entry[1]) && entry[1].length === 1 ? entry[1][0] : entry[1];
  return typeof name === 'string' ? name : null;
}

function isValue(operand: unknown): operand is ComparisonValue {
  return typeof operand === 'number' || typeof operand === 'string' || typeof operand === 'boolean';
}

function toComparison(rule: unknown): Comparison | null {
  const entry = singleEntry(rule);
  if (entry === null) return null;
  const [op, args] = entry;
  if (!isComparisonOperator(op) || !Array.isArray(args) || args.length !== 2) return null;
  const [left, right] = args;
  const variable = variableName(left);
  if (variable === null || !isValue(right)) return null;
  return { variable, operator: op, value: right };
}

/** The form for a rule, or null when the rule is more than comparisons joined by "and"/"or". */
export function ruleToForm(rule: unknown): RuleForm | null {
  const single = toComparison(rule);
  if (single !== null) return { join: 'and', comparisons: [single] };
  const entry = singleEntry(rule);
  if (entry === null) return null;
  const [join, parts] = entry;
  if ((join !== 'and' && join !== 'or') || !Array.isArray(parts) || parts.length === 0) return null;
  const comparisons = parts.map(toComparison);
  if (comparisons.some((comparison) => comparison === null)) return null;
  return { join, comparisons: comparisons.filter((comparison) => comparison !== null) };
}

function comparisonToRule(comparison: Comparison): Rule {
  return { [comparison.operator]: [{ var: comparison.variable }, comparison.value] };
}

/** One comparison is saved bare (as the default flows write it); several are wrapped in and/or. */
export function formToRule(form: RuleForm): Rule {
  if (form.comparisons.length === 1 && form.comparisons[0] !== undefined) return comparisonToRule(form.comparisons[0]);
  return { [form.join]: form.comparisons.map(comparisonToRule) };
}

/** What someone typed into a value box, as the type the variable has. */
export function parseComparisonValue(text: string, type: 'text' | 'number' | 'date' | 'boolean' | undefined): ComparisonValue {
  if (type === 'boolean') return text === 'true';
  if (type === 'number') {
    const trimmed = text.trim();
    const number = Number(trimmed);
    return trimmed !== '' && Number.isFinite(number) ? number : text;
  }
  return text;
}

/** "Budget overrun (%) is above 10": for the step's summary on the canvas. */
export function describeRule(rule: unknown, labelOf: (variable: string) => string = (name) => name): string | null {
  const form = ruleToForm(rule);
  if (form === null) return null;
  const parts = form.comparisons.map((c): string =>
    i18next.t('flowDesigner:rule.comparisonText', {
      variable: labelOf(c.variable),
      operator: comparisonLabel(c.operator),
      value: typeof c.value === 'string' ? i18next.t('flowDesigner:rule.quoted', { value: c.value }) : String(c.value),
    }),
  );
  return parts.reduce((before, after): string => i18next.t(form.join === 'and' ? 'flowDesigner:rule.and' : 'flowDesigner:rule.or', { before, after }));
}
