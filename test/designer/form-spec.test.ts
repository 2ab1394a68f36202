import { describe, expect, it } from 'vitest';
import { nodeCatalog, nodeKinds, triggerEventLabels, triggerEvents } from '../../workflows/flow';
import {
  defaultValue,
  formSpecFor,
  switchVariant,
  variantIndexOf,
  withField,
  type Field,
  type FieldSpec,
  type ObjectSpec,
  type VariantsSpec,
} from '../../designer/src/flow-designer/form/form-spec';
import { templateFieldsOf } from '../../designer/src/flow-designer/form/template-fields';

function fieldOf(spec: FieldSpec, key: string): Field {
  if (spec.type !== 'object') throw new Error(`expected an object form, got ${spec.type}`);
  const found = spec.fields.find((f) => f.key === key);
  if (found === undefined) throw new Error(`no field ${key}`);
  return found;
}

function variants(spec: FieldSpec): VariantsSpec {
  if (spec.type !== 'variants') throw new Error(`expected variants, got ${spec.type}`);
  return spec;
}

function allSpecs(spec: FieldSpec): FieldSpec[] {
  if (spec.type === 'object') return [spec, ...spec.fields.flatMap((f) => allSpecs(f.spec))];
  if (spec.type === 'variants') return [spec, ...spec.variants.flatMap(allSpecs)];
  return [spec];
}

describe('settings forms generated from the node catalog', () => {
  it.each(nodeKinds)('covers every setting of a %s step with a known kind of input', (kind) => {
    expect(allSpecs(formSpecFor(kind)).filter((spec) => spec.type === 'unsupported')).toEqual([]);
  });

  it('turns a notification’s settings into titled fields in schema order', () => {
    const spec = formSpecFor('notify');
    expect((spec as ObjectSpec).fields.map((f) => [f.key, f.title, f.required])).toEqual([
      ['recipient', 'Recipient', true],
      ['channel', 'Channel', true],
      ['webhookUrl', 'Webhook address', false],
      ['chatChannelId', 'Chat channel', false],
      ['subject', 'Subject', true],
      ['message', 'Message', true],
      ['subjectZh', 'Subject (Chinese)', false],
      ['messageZh', 'Message (Chinese)', false],
    ]);
    expect(fieldOf(spec, 'chatChannelId').spec).toEqual({ type: 'chatChannel' });
    expect(fieldOf(spec, 'message').spec).toMatchObject({ type: 'text', multiline: true });
    expect(fieldOf(spec, 'webhookUrl').spec).toMatchObject({ type: 'text', multiline: false });
    expect(fieldOf(spec, 'channel').spec).toEqual({
      type: 'choice',
      options: [
        { value: 'inbox', label: 'In-app inbox' },
        { value: 'email', label: 'E-mail' },
        { value: 'webhook', label: 'Webhook (chat or other system)' },
      ],
    });
  });

  it('offers who receives a message as a choice, each with its own extra fields', () => {
    const recipient = variants(fieldOf(formSpecFor('notify'), 'recipient').spec);
    expect(recipient.discriminator).toBe('kind');
    expect(recipient.options.map((o) => o.value)).toEqual(['project_owner', 'owner_manager', 'manager_levels_up', 'role', 'team', 'user', 'escalation_recipient']);
    const person = recipient.variants[recipient.options.findIndex((o) => o.value === 'user')];
    expect(person?.fields.map((f) => [f.key, f.spec.type])).toEqual([
      ['userId', 'person'],
      ['fallback', 'variants'],
    ]);
    const team = recipient.variants[recipient.options.findIndex((o) => o.value === 'team')];
    expect(team?.fields[0]?.spec.type).toBe('team');
  });

  it('shows a duration on one line, amount and unit, with all six units', () => {
    const timeout = variants(fieldOf(formSpecFor('wait_for_ack'), 'timeout').spec);
    expect(timeout.inline).toBe(true);
    expect(timeout.discriminator).toBe('unit');
    expect(timeout.options.map((o) => o.label)).toEqual(['seconds', 'minutes', 'hours', 'days', 'business hours', 'business days']);
  });

  it('makes the trigger event the first choice, worded as the catalog words it', () => {
    const trigger = variants(formSpecFor('trigger'));
    expect(trigger.discriminator).toBe('event');
    expect(trigger.options.map((o) => o.value).sort()).toEqual([...triggerEvents].sort());
    expect(trigger.options.map((o) => o.label)).toContain(triggerEventLabels.kpi_threshold_crossed);
    const kpi = trigger.variants[variantIndexOf(trigger, { event: 'kpi_threshold_crossed' })];
    expect(kpi?.fields.map((f) => f.key)).toEqual(['metric', 'direction', 'threshold', 'fewerBusinessDaysLeftThan', 'watch']);
    const forecast = trigger.variants[variantIndexOf(trigger, { event: 'forecast_below_threshold' })];
    expect(forecast?.fields.map((f) => [f.key, f.spec.type])).toEqual([
      ['forecastBelowPct', 'number'],
      ['forecastWatch', 'choices'],
      ['forecastMetric', 'text'],
    ]);
    const schedule = trigger.variants[variantIndexOf(trigger, { event: 'schedule' })];
    expect(schedule?.fields.map((f) => [f.key, f.spec.type])).toEqual([
      ['cron', 'text'],
      ['timeZone', 'text'],
      ['workingDaysOnly', 'boolean'],
      ['phases', 'choices'],
    ]);
  });

  it('uses people pickers, a rule editor and a header list where the schema asks for them', () => {
    const approvers = variants(fieldOf(formSpecFor('approval'), 'approvers').spec);
    expect(approvers.variants[variantIndexOf(approvers, { kind: 'users' })]?.fields[0]?.spec.type).toBe('people');
    expect(fieldOf(formSpecFor('condition'), 'rule').spec.type).toBe('rule');
    expect(fieldOf(formSpecFor('webhook'), 'headers').spec.type).toBe('map');
    expect(fieldOf(formSpecFor('approval'), 'allowDelegation').spec.type).toBe('boolean');
    expect(fieldOf(formSpecFor('parallel_split'), 'branches').spec).toEqual({ type: 'number', integer: true, min: 2, max: 10, positive: false });
  });

  it('keeps shared settings when switching who receives a message', () => {
    const recipient = variants(fieldOf(formSpecFor('notify'), 'recipient').spec);
    const before = { kind: 'role', role: 'sales_director', fallback: { kind: 'project_owner' } };
    expect(switchVariant(recipient, before, 'owner_manager')).toEqual({ kind: 'owner_manager', fallback: { kind: 'project_owner' } });
    expect(switchVariant(recipient, before, 'manager_levels_up')).toEqual({ kind: 'manager_levels_up', levels: 1, fallback: { kind: 'project_owner' } });
    expect(switchVariant(recipient, before, 'user')).toEqual({ kind: 'user', userId: '', fallback: { kind: 'project_owner' } });
  });

  it('keeps the amount when a duration switches to business days', () => {
    const timeout = variants(fieldOf(formSpecFor('approval'), 'timeout').spec);
    const next = switchVariant(timeout, { amount: 48, unit: 'hours' }, 'business_days');
    expect(next).toEqual({ unit: 'business_days', amount: 48 });
    expect(nodeCatalog.approval.config.shape.timeout.safeParse(next).success).toBe(true);
  });

  it('starts new fields at values the schema accepts where it can', () => {
    expect(defaultValue(fieldOf(formSpecFor('webhook'), 'retries').spec)).toBe(0);
    expect(defaultValue(fieldOf(formSpecFor('delay'), 'duration').spec)).toEqual({ unit: 'seconds', amount: 1 });
    expect(variantIndexOf(variants(formSpecFor('trigger')), { nothing: true })).toBe(-1);
  });

  it('removes an optional setting that was emptied', () => {
    expect(withField({ status: 'at_risk', reason: 'x' }, 'reason', undefined)).toEqual({ status: 'at_risk' });
    expect(withField(null, 'status', 'on_track')).toEqual({ status: 'on_track' });
  });
});

describe('fields that take {{variables}}', () => {
  it('are the templates a step uses plus fields whose help mentions them', () => {
    expect([...templateFieldsOf('notify', nodeCatalog.notify.defaults, formSpecFor('notify'))].sort()).toEqual(['message', 'messageZh', 'subject', 'subjectZh']);
    expect(templateFieldsOf('set_status', { status: 'at_risk' }, formSpecFor('set_status')).has('reason')).toBe(true);
    expect(templateFieldsOf('create_task', { broken: true }, formSpecFor('create_task')).has('title')).toBe(true);
    expect(templateFieldsOf('delay', {}, formSpecFor('delay')).size).toBe(0);
  });
});
