import jsonLogic from 'json-logic-js';
import { z } from 'zod';

/**
 * Conditions are JSON Logic: plain data the designer can edit as a form and that runs the same way
 * everywhere, with no code. On top of JSON Logic we allow only a fixed set of pure operators and
 * only literal variable names, so a rule can neither reach outside its data nor name a variable
 * that validation could not check. Array operators (map, filter, …) are left out because
 * inside them `var` names refer to array items, which the variable check cannot follow.
 */
export const ruleOperators = [
  'var',
  'missing',
  'missing_some',
  'if',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'and',
  'or',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'in',
  'cat',
  'substr',
] as const;
export type RuleOperator = (typeof ruleOperators)[number];

const maxDepth = 32;
const maxParts = 500;
const variableName = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
// A variable segment that names something every object inherits would read JavaScript internals.
const inheritedNames = new Set(Object.getOwnPropertyNames(Object.prototype));

type Json = z.infer<ReturnType<typeof z.json>>;
type JsonObject = { [key: string]: Json };

function isOperator(name: string): name is RuleOperator {
  return ruleOperators.some((op) => op === name);
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkVariableName(name: Json): string | null {
  if (typeof name !== 'string' || !variableName.test(name)) {
    return `${JSON.stringify(name)} is not a variable name; write it as words joined by dots, like "milestone.attainmentPct".`;
  }
  if (name.split('.').some((segment) => inheritedNames.has(segment))) {
    return `"${name}" cannot be used as a variable name.`;
  }
  return null;
}

interface Walk {
  parts: number;
  variables: Set<string>;
}

function checkVar(args: Json, walk: Walk): string | null {
  const list = Array.isArray(args) ? args : [args];
  const [name, fallback, ...extra] = list;
  if (name === undefined || extra.length > 0) {
    return 'A "var" names one variable, optionally followed by a default value.';
  }
  const problem = checkVariableName(name);
  if (problem !== null) return problem;
  if (fallback !== undefined && typeof fallback === 'object' && fallback !== null) {
    return 'The default value of a "var" must be a plain value (text, number, true/false or null).';
  }
  if (typeof name === 'string') walk.variables.add(name);
  return null;
}

function checkMissing(names: Json, walk: Walk): string | null {
  const list = Array.isArray(names) ? names : [names];
  for (const name of list) {
    const problem = checkVariableName(name);
    if (problem !== null) return problem;
    if (typeof name === 'string') walk.variables.add(name);
  }
  return null;
}

function walkRule(rule: Json, depth: number, walk: Walk): string | null {
  walk.parts += 1;
  if (walk.parts > maxParts) return `The rule is too large (more than ${maxParts} parts).`;
  if (depth > maxDepth) return `The rule is nested too deeply (more than ${maxDepth} levels).`;
  if (Array.isArray(rule)) {
    for (const item of rule) {
      const problem = walkRule(item, depth + 1, walk);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (!isObject(rule)) return null;
  const [op, ...others] = Object.keys(rule);
  if (op === undefined || others.length > 0) {
    return 'Each part of a rule is exactly one operation, like {"<": [{"var": "milestone.attainmentPct"}, 80]}.';
  }
  if (!isOperator(op)) {
    return `"${op}" is not an operation rules may use; allowed are: ${ruleOperators.join(' ')}.`;
  }
  const args = rule[op] ?? null;
  switch (op) {
    case 'var':
      return checkVar(args, walk);
    case 'missing':
      return checkMissing(args, walk);
    case 'missing_some': {
      const [count, names, ...extra] = Array.isArray(args) ? args : [];
      if (typeof count !== 'number' || names === undefined || extra.length > 0) {
        return '"missing_some" takes a number and a list of variable names.';
      }
      return checkMissing(names, walk);
    }
    default:
      return walkRule(args, depth + 1, walk);
  }
}

/** Returns a sentence saying why the rule may not be used, or null when it is allowed. */
export function checkRule(rule: Json): string | null {
  if (!isObject(rule)) {
    return 'A rule must be an operation, like {">": [{"var": "budget.overrunPct"}, 10]}.';
  }
  return walkRule(rule, 0, { parts: 0, variables: new Set() });
}

export const ruleSchema = z.json().superRefine((rule, ctx) => {
  const problem = checkRule(rule);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
export type Rule = z.infer<typeof ruleSchema>;

/** The variable names a rule reads (through "var", "missing" and "missing_some"). */
export function ruleVariables(rule: Rule): string[] {
  const walk: Walk = { parts: 0, variables: new Set() };
  walkRule(rule, 0, walk);
  return [...walk.variables];
}

/**
 * A copy of the data made of prototype-less objects: what a rule reads is exactly the data given,
 * never something inherited, and the rule cannot change the caller's objects.
 */
function plainData(value: unknown, depth = 0): Json {
  if (depth > maxDepth) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item: unknown) => plainData(item, depth + 1));
  if (typeof value !== 'object' || value === null) return null;
  const copy: JsonObject = Object.create(null);
  for (const [key, item] of Object.entries(value)) copy[key] = plainData(item, depth + 1);
  return copy;
}

export class RuleError extends Error {
  override name = 'RuleError';
}

/** Evaluates a rule against the run's context; true when the result is truthy in JSON Logic's sense. */
export function evaluateRule(rule: Rule, context: unknown): boolean {
  const problem = checkRule(rule);
  if (problem !== null || !isObject(rule)) throw new RuleError(problem ?? 'A rule must be an operation.');
  return jsonLogic.truthy(jsonLogic.apply(rule, plainData(context)));
}
