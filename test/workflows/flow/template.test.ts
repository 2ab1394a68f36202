import { describe, expect, it } from 'vitest';
import { checkTemplate, lookupVariable, renderTemplate, templateVariables } from '../../../workflows/flow';

describe('message templates', () => {
  it('lists the variables a template uses, once each, in order', () => {
    expect(templateVariables('{{ project.name }}: {{milestone.name}} for {{project.name}}')).toEqual([
      'project.name',
      'milestone.name',
    ]);
    expect(templateVariables('No placeholders')).toEqual([]);
  });

  it('fills placeholders from the context and leaves unknown ones empty', () => {
    const context = { project: { name: 'Q3 push' }, milestone: { attainmentPct: 72.5, late: true } };
    expect(renderTemplate('{{project.name}} at {{milestone.attainmentPct}} % ({{milestone.late}}){{nope.x}}', context)).toBe(
      'Q3 push at 72.5 % (true)',
    );
  });

  it('never reads inherited properties such as constructor', () => {
    expect(lookupVariable({}, 'constructor')).toBeUndefined();
    expect(renderTemplate('[{{constructor.name}}]', {})).toBe('[]');
  });

  it('accepts well-formed placeholders', () => {
    expect(checkTemplate('Hello {{recipient.name}}, see {{ project.name }}.')).toBeNull();
  });

  it('explains empty, malformed and unbalanced placeholders', () => {
    expect(checkTemplate('Hi {{}}')).toMatch(/empty placeholder/);
    expect(checkTemplate('Hi {{project name}}')).toMatch(/not a valid placeholder/);
    expect(checkTemplate('Hi {{project.name}')).toMatch(/without its partner/);
    expect(checkTemplate('Hi project.name}}')).toMatch(/without its partner/);
  });
});
