// The flow language's words are written once, in the node definitions: the English catalog is
// derived from them, the Chinese one is written by hand. Both must say everything the designer shows.
import { afterAll, describe, expect, it } from 'vitest';
import {
  channelLabels,
  channels,
  connectionRefusals,
  describeDuration as englishDuration,
  describePeopleRule,
  durationUnits,
  nodeCategories,
  nodeCategoryLabels,
  nodeDef,
  nodeKinds,
  projectVariables,
  triggerEventLabels,
  triggerEvents,
  type ConnectionRefusal,
  type PeopleRule,
} from '../../workflows/flow';
import { i18next } from '../../designer/src/i18n/i18n';
import {
  categoryLabel,
  channelLabel,
  connectionRefusal,
  describeDuration,
  describePeople,
  eventLabel,
  fieldHelp,
  fieldTitle,
  nodeHelp,
  nodeLabel,
  portLabel,
  variableLabel,
} from '../../designer/src/i18n/flow-catalog';
import { formSpecFor, type FieldSpec } from '../../designer/src/flow-designer/form/form-spec';
import { summarizeStep } from '../../designer/src/flow-designer/graph/summary';
import { keptInLatin } from '../support/i18n-page';

const kept = new Set(keptInLatin.map((word) => word.toLowerCase()));
/** Latin words left in a text, as the browser tests count them. */
function englishIn(text: string): string[] {
  const words = (text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).filter((word) => !kept.has(word.toLowerCase()));
  return words.length >= 2 || words.some((word) => word.length >= 4) ? words : [];
}

/** Every title, help text and choice a step's settings form shows. */
function formTexts(spec: FieldSpec): string[] {
  switch (spec.type) {
    case 'object':
      return spec.fields.flatMap((field) => [field.title, ...(field.description === undefined ? [] : [field.description]), ...formTexts(field.spec)]);
    case 'variants':
      return [spec.discriminatorTitle, ...spec.options.map((option) => option.label), ...spec.variants.flatMap(formTexts)];
    case 'choice':
    case 'choices':
      return spec.options.map((option) => option.label);
    default:
      return [];
  }
}

const samplePeople: PeopleRule[] = [
  { kind: 'project_owner' },
  { kind: 'owner_manager' },
  { kind: 'manager_levels_up', levels: 1 },
  { kind: 'manager_levels_up', levels: 3 },
  { kind: 'manager_chain', level: 2 },
  { kind: 'role', role: 'sales_director' },
  { kind: 'team', teamId: '00000000-0000-4000-8000-000000000001' },
  { kind: 'users', userIds: ['00000000-0000-4000-8000-000000000001'] },
  { kind: 'users', userIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] },
  { kind: 'escalation_recipient' },
];

afterAll(async () => {
  await i18next.changeLanguage('en');
});

describe('the flow catalog in English', () => {
  it('reads every node kind, port, setting title and help exactly as the node definitions write them', async () => {
    await i18next.changeLanguage('en');
    for (const kind of nodeKinds) {
      const def = nodeDef(kind);
      expect(nodeLabel(kind)).toBe(def.label);
      expect(nodeHelp(kind)).toBe(def.help);
      for (const port of [...def.inputs, ...def.outputs(def.defaults)]) expect(portLabel(kind, port)).toBe(port.label);
    }
    expect(portLabel('parallel_split', { id: 'branch_7', label: '' })).toBe('Branch 7');
    expect(fieldTitle('approval', 'approvers.level')).toBe('Manager level (1 = the owner’s manager)');
    expect(fieldHelp('notify', 'message')).toBe('Text with {{variable}} placeholders filled from the context.');
    expect(fieldHelp('trigger', 'timeZone')).toBe("IANA name; empty = the project's calendar zone (the default calendar's for all projects).");
    expect(fieldTitle('trigger', 'event')).toBeUndefined();
  });

  it('names categories, events, channels, variables, people, durations and refused connections as the flow language does', async () => {
    await i18next.changeLanguage('en');
    for (const category of nodeCategories) expect(categoryLabel(category)).toBe(nodeCategoryLabels[category]);
    for (const event of triggerEvents) expect(eventLabel(event)).toBe(triggerEventLabels[event]);
    for (const channel of channels) expect(channelLabel(channel)).toBe(channelLabels[channel]);
    for (const variable of projectVariables) expect(variableLabel(variable.name)).toBe(variable.label);
    expect(variableLabel('no.such.thing')).toBe('no.such.thing');
    for (const rule of samplePeople) expect(describePeople(rule)).toBe(describePeopleRule(rule));
    for (const unit of durationUnits) for (const amount of [1, 2, 1.5]) expect(describeDuration({ amount, unit } as never)).toBe(englishDuration({ amount, unit } as never));
    for (const refusal of Object.keys(connectionRefusals) as ConnectionRefusal[]) expect(connectionRefusal(refusal)).toBe(connectionRefusals[refusal]);
  });
});

describe('the flow catalog in Chinese', () => {
  it('shows every step form’s titles, help texts and choices in Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    const left = nodeKinds.flatMap((kind) => formTexts(formSpecFor(kind)).filter((text) => englishIn(text).length > 0).map((text) => `${kind}: ${text}`));
    expect(left).toEqual([]);
    expect(fieldTitle('approval', 'mode')).toBe('谁必须审批');
  });

  it('names every node kind, port and summary in Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    const texts = nodeKinds.flatMap((kind) => {
      const def = nodeDef(kind);
      // A task's title and a webhook's address are the flow's own data, not words of the designer.
      const summary = kind === 'create_task' || kind === 'webhook' ? '' : (summarizeStep(kind, def.defaults) ?? '');
      return [nodeLabel(kind), nodeHelp(kind) ?? '', ...[...def.inputs, ...def.outputs(def.defaults)].map((port) => portLabel(kind, port)), summary];
    });
    expect(summarizeStep('create_task', { title: '跟进', assignee: { kind: 'owner_manager' }, dueIn: { amount: 1, unit: 'days' } })).toBe('为项目负责人的上级创建“跟进”');
    expect(texts.filter((text) => englishIn(text).length > 0)).toEqual([]);
    expect(nodeLabel('approval')).toBe('审批');
    expect(portLabel('parallel_split', { id: 'branch_3', label: 'Branch 3' })).toBe('分支 3');
    expect(describeDuration({ amount: 2, unit: 'business_days' })).toBe('2 个工作日');
    expect(describePeople({ kind: 'manager_chain', level: 3 })).toBe('项目负责人往上第 3 级的上级');
  });
});
