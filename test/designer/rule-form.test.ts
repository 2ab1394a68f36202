import { describe, expect, it } from 'vitest';
import { checkRule, defaultFlows, nodeDef } from '../../workflows/flow';
import { describeRule, formToRule, parseComparisonValue, ruleToForm } from '../../designer/src/flow-designer/form/rule-form';

describe('editing a condition rule as a form', () => {
  it('reads a single comparison and writes it back bare', () => {
    const rule = nodeDef('condition').defaults;
    const form = ruleToForm((rule as { rule: unknown }).rule);
    expect(form).toEqual({ join: 'and', comparisons: [{ variable: 'budget.overrunPct', operator: '>', value: 10 }] });
    expect(formToRule(form!)).toEqual({ '>': [{ var: 'budget.overrunPct' }, 10] });
  });

  it('reads comparisons joined by "or" and writes them back in the same shape', () => {
    const rule = { or: [{ '<': [{ var: 'milestone.attainmentPct' }, 80] }, { '==': [{ var: 'project.phase' }, 'execution'] }] };
    const form = ruleToForm(rule);
    expect(form?.join).toBe('or');
    expect(form?.comparisons).toHaveLength(2);
    expect(formToRule(form!)).toEqual(rule);
    expect(checkRule(formToRule(form!))).toBeNull();
  });

  it('leaves rules it cannot show as comparisons to the text editor', () => {
    expect(ruleToForm({ if: [true, 1, 2] })).toBeNull();
    expect(ruleToForm({ and: [{ '>': [{ var: 'a' }, { var: 'b' }] }] })).toBeNull();
    expect(ruleToForm({ and: [] })).toBeNull();
    expect(ruleToForm(42)).toBeNull();
  });

  it('reads every condition in the default flows as a form', () => {
    const rules = defaultFlows.flatMap((flow) => flow.nodes.flatMap((node) => (node.kind === 'condition' ? [node.config.rule] : [])));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(formToRule(ruleToForm(rule)!)).toEqual(rule);
  });

  it('turns typed values into numbers only for number variables', () => {
    expect(parseComparisonValue(' 80 ', 'number')).toBe(80);
    expect(parseComparisonValue('eighty', 'number')).toBe('eighty');
    expect(parseComparisonValue('80', 'text')).toBe('80');
    expect(parseComparisonValue('true', 'boolean')).toBe(true);
  });

  it('describes a rule in words, with the variables’ labels', () => {
    expect(describeRule({ '<': [{ var: 'escalation.level' }, 3] }, () => 'Escalation level')).toBe('Escalation level is below 3');
    expect(describeRule({ and: [{ '==': [{ var: 'a' }, 'x'] }, { '!=': [{ var: 'b' }, true] }] })).toBe('a is "x" and b is not true');
    expect(describeRule({ if: [] })).toBeNull();
  });
});
