import { describe, expect, it } from 'vitest';
import { checkRule, evaluateRule, RuleError, ruleSchema, ruleVariables, type Rule } from '../../../workflows/flow';

const context = {
  milestone: { attainmentPct: 72, daysOverdue: 3 },
  budget: { overrunPct: 12 },
  project: { name: 'North' },
};

describe('condition rules (JSON Logic)', () => {
  it('evaluates comparisons on the context', () => {
    expect(evaluateRule({ '<': [{ var: 'milestone.attainmentPct' }, 80] }, context)).toBe(true);
    expect(evaluateRule({ '>': [{ var: 'budget.overrunPct' }, 20] }, context)).toBe(false);
    expect(
      evaluateRule(
        { and: [{ '>=': [{ var: 'milestone.daysOverdue' }, 3] }, { in: [{ var: 'project.name' }, ['North', 'South']] }] },
        context,
      ),
    ).toBe(true);
  });

  it('uses a default when a variable is absent', () => {
    expect(evaluateRule({ '==': [{ var: ['kpi.value', 0] }, 0] }, context)).toBe(true);
  });

  it('is deterministic: the same rule and data always give the same answer', () => {
    const rule: Rule = { if: [{ '<': [{ var: 'milestone.attainmentPct' }, 50] }, true, { '>': [{ var: 'budget.overrunPct' }, 10] }] };
    const answers = Array.from({ length: 20 }, () => evaluateRule(rule, context));
    expect(new Set(answers)).toEqual(new Set([true]));
  });

  it('lists the variables a rule reads, including through missing', () => {
    expect(
      ruleVariables({
        or: [{ '<': [{ var: 'milestone.attainmentPct' }, 80] }, { missing: ['kpi.value', 'budget.overrunPct'] }],
      }),
    ).toEqual(['milestone.attainmentPct', 'kpi.value', 'budget.overrunPct']);
  });

  it('refuses operators outside the allowed list, such as log and map', () => {
    expect(checkRule({ log: 'x' })).toMatch(/"log" is not an operation/);
    expect(checkRule({ map: [{ var: 'xs' }, { var: '' }] })).toMatch(/"map" is not an operation/);
    expect(checkRule({ 'toString.call': [] })).toMatch(/not an operation/);
    expect(() => evaluateRule({ log: 'x' }, context)).toThrow(RuleError);
  });

  it('refuses computed or inherited variable names', () => {
    expect(checkRule({ var: { cat: ['mile', 'stone.name'] } })).toMatch(/not a variable name/);
    expect(checkRule({ '==': [{ var: 'constructor.name' }, 'Object'] })).toMatch(/cannot be used/);
    expect(checkRule({ var: '' })).toMatch(/not a variable name/);
  });

  it('refuses objects with several keys and bare values at the top', () => {
    expect(checkRule({ '<': [1, 2], '>': [2, 1] })).toMatch(/exactly one operation/);
    expect(checkRule(true)).toMatch(/must be an operation/);
  });

  it('refuses rules too large or too deep to be anything but generated abuse', () => {
    let deep: Rule = { var: 'a' };
    for (let i = 0; i < 40; i += 1) deep = { '!': [deep] };
    expect(checkRule(deep)).toMatch(/nested too deeply/);
    expect(checkRule({ and: Array.from({ length: 600 }, () => true) })).toMatch(/too large/);
  });

  it('reads only the data it is given, never inherited properties', () => {
    expect(evaluateRule({ '==': [{ var: 'toStringX' }, null] }, Object.create({ toStringX: 'inherited' }))).toBe(true);
  });

  it('reports schema failures as plain sentences', () => {
    const result = ruleSchema.safeParse({ foo: [1] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/"foo" is not an operation rules may use/);
  });
});
