import { describe, expect, it } from 'vitest';
import {
  flowNodeSchema,
  nodeCatalog,
  nodeCategories,
  nodeConfigSchema,
  nodeDef,
  nodeKinds,
  outputPortsOf,
  validateFlow,
} from '../../../workflows/flow';
import { triggerEventLabels, triggerEvents, whyNotRaisable } from '../../../workflows/flow/trigger-events';
import { variablesForEvent } from '../../../workflows/flow/context-variables';
import { managerThenFinanceFlow } from '../../support/incentive-approval-flow';

describe('node catalog', () => {
  it('lists every kind once, each keyed by its own kind', () => {
    expect(nodeKinds).toEqual(Object.keys(nodeCatalog));
    for (const kind of nodeKinds) expect(nodeDef(kind).kind).toBe(kind);
    expect(nodeKinds).toEqual(
      expect.arrayContaining([
        'trigger',
        'notify',
        'wait_for_ack',
        'approval',
        'condition',
        'delay',
        'escalate',
        'set_status',
        'create_task',
        'webhook',
        'start_retrospective',
        'parallel_split',
        'parallel_join',
        'end',
      ]),
    );
  });

  it.each(nodeKinds)('gives %s a label, help, icon, category and valid defaults', (kind) => {
    const def = nodeDef(kind);
    expect(def.label.length).toBeGreaterThan(0);
    expect(def.help).toMatch(/\.$/);
    expect(def.icon).toMatch(/^[a-z-]+$/);
    expect(nodeCategories).toContain(def.category);
    expect(def.config.safeParse(def.defaults).success).toBe(true);
    const ports = def.outputs(def.defaults).map((port) => port.id);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('derives the saved-node union from the catalog, so every kind parses with its defaults', () => {
    for (const kind of nodeKinds) {
      const saved = { id: `n_${kind}`, kind, config: nodeDef(kind).defaults, position: { x: 1, y: 2 } };
      expect(flowNodeSchema.safeParse(saved).success).toBe(true);
      expect(nodeConfigSchema.safeParse({ kind, config: nodeDef(kind).defaults }).success).toBe(true);
    }
  });

  it('refuses a saved node whose config belongs to another kind', () => {
    const saved = { id: 'a', kind: 'delay', config: nodeCatalog.end.defaults, position: { x: 0, y: 0 } };
    expect(flowNodeSchema.safeParse(saved).success).toBe(false);
    expect(flowNodeSchema.safeParse({ ...saved, kind: 'teleport' }).success).toBe(false);
  });

  it('only lets the trigger have no input, and only the end have no output', () => {
    for (const kind of nodeKinds) {
      const def = nodeDef(kind);
      expect(def.inputs.length === 0).toBe(kind === 'trigger');
      expect(def.outputs(def.defaults).length === 0).toBe(kind === 'end');
    }
  });

  it('gives a parallel split one required output per branch', () => {
    expect(outputPortsOf({ kind: 'parallel_split', config: { branches: 3 } })).toEqual([
      { id: 'branch_1', label: 'Branch 1', required: true },
      { id: 'branch_2', label: 'Branch 2', required: true },
      { id: 'branch_3', label: 'Branch 3', required: true },
    ]);
  });

  it('gives an approval a timed-out output only when its timeout escalates', () => {
    const base = nodeCatalog.approval.defaults;
    const ids = (timeoutAction: 'approve' | 'reject' | 'escalate') =>
      outputPortsOf({ kind: 'approval', config: { ...base, timeoutAction } }).map((port) => port.id);
    expect(ids('escalate')).toEqual(['approved', 'rejected', 'timed_out']);
    expect(ids('reject')).toEqual(['approved', 'rejected']);
  });

  it('keeps showing the default ports while a config is being edited into shape', () => {
    expect(outputPortsOf({ kind: 'parallel_split', config: { branches: 99 } }).map((port) => port.id)).toEqual([
      'branch_1',
      'branch_2',
    ]);
    expect(outputPortsOf({ kind: 'mystery', config: {} })).toEqual([]);
  });

  it('marks exactly the steps that wait for time or people as waiting', () => {
    expect(nodeKinds.filter((kind) => nodeDef(kind).waits).sort()).toEqual(['approval', 'delay', 'wait_for_ack']);
  });

  it('accepts each trigger event, with a checked cron for schedules and a threshold for KPIs', () => {
    const schema = nodeCatalog.trigger.config;
    expect(schema.safeParse({ event: 'project_closed' }).success).toBe(true);
    expect(schema.safeParse({ event: 'schedule', cron: '0 9 * * MON' }).success).toBe(true);
    expect(schema.safeParse({ event: 'schedule', cron: '0 99 * * *' }).success).toBe(false);
    expect(schema.safeParse({ event: 'schedule' }).success).toBe(false);
    expect(
      schema.safeParse({ event: 'kpi_threshold_crossed', metric: 'revenue', direction: 'below', threshold: 1000 }).success,
    ).toBe(true);
    expect(schema.safeParse({ event: 'kpi_threshold_crossed' }).success).toBe(false);
    expect(schema.safeParse({ event: 'plan_submitted', cron: '* * * * *' }).success).toBe(false);
  });

  it('accepts a forecast trigger with the share of plan it watches for, and what it watches; refuses one without a threshold', () => {
    const schema = nodeCatalog.trigger.config;
    expect(schema.safeParse({ event: 'forecast_below_threshold', forecastBelowPct: 85 }).success).toBe(true);
    expect(schema.safeParse({ event: 'forecast_below_threshold', forecastBelowPct: 90, forecastWatch: ['milestone', 'allocation'], forecastMetric: 'revenue' }).success).toBe(true);
    expect(schema.safeParse({ event: 'forecast_below_threshold' }).success).toBe(false);
    expect(schema.safeParse({ event: 'forecast_below_threshold', forecastBelowPct: 0 }).success).toBe(false);
    expect(schema.safeParse({ event: 'forecast_below_threshold', forecastBelowPct: 80, forecastWatch: [] }).success).toBe(false);
    expect(schema.safeParse({ event: 'forecast_below_threshold', forecastBelowPct: 80, forecastWatch: ['team'] }).success).toBe(false);
    // Its threshold is its own setting: a KPI trigger's fields do not belong to it.
    expect(schema.safeParse({ event: 'forecast_below_threshold', forecastBelowPct: 80, direction: 'below' }).success).toBe(false);
  });

  it('gives a flow started by a falling forecast what fell, how far and whose it is, and says the API raises it', () => {
    const names = variablesForEvent('forecast_below_threshold').map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['project.name', 'forecast.subject', 'forecast.subjectKind', 'forecast.value', 'forecast.low', 'forecast.high', 'forecast.percentOfPlan', 'forecast.threshold', 'forecast.owner.id', 'forecast.dueAt', 'forecast.method']));
    expect(nodeDef('trigger').provides?.({ event: 'forecast_below_threshold', forecastBelowPct: 80 }).map((v) => v.name)).toEqual(names);
    expect(whyNotRaisable('forecast_below_threshold')).toBeNull();
    expect(triggerEventLabels.forecast_below_threshold).toBe('Forecast falls below a threshold');
  });

  it('starts a flow when a training item is overdue, raised by its timer workflow, with the training in the context', () => {
    const schema = nodeCatalog.trigger.config;
    expect(schema.safeParse({ event: 'training_overdue' }).success).toBe(true);
    expect(schema.safeParse({ event: 'training_overdue', threshold: 5 }).success).toBe(false);
    expect(whyNotRaisable('training_overdue')).toBeNull();
    expect(triggerEventLabels.training_overdue).toBe('Training overdue');
    const names = nodeCatalog.trigger.provides!({ event: 'training_overdue' }).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['project.name', 'training.topic', 'training.date', 'training.incompleteNames', 'training.daysOverdue']));
    expect(nodeCatalog.trigger.provides!({ event: 'milestone_missed' }).map((v) => v.name)).not.toContain('training.topic');
  });

  it('offers incentive earned as a trigger that something raises, whose runs know the payout, its amount and its member', () => {
    const schema = nodeCatalog.trigger.config;
    expect(triggerEvents).toContain('incentive_earned');
    expect(schema.safeParse({ event: 'incentive_earned' }).success).toBe(true);
    expect(schema.safeParse({ event: 'incentive_earned', threshold: 5 }).success).toBe(false);
    expect(whyNotRaisable('incentive_earned')).toBeNull();
    expect(triggerEventLabels.incentive_earned).toBe('Incentive earned');
    expect(variablesForEvent('incentive_earned')).toEqual(
      expect.arrayContaining([
        { name: 'payout.amount', label: 'Amount of this payout', type: 'number' },
        expect.objectContaining({ name: 'payout.member.name', type: 'text' }),
        expect.objectContaining({ name: 'payout.attainmentPct', type: 'number' }),
      ]),
    );
    // The approval drawn for it (manager, then finance above an amount) is a valid flow.
    expect(validateFlow(managerThenFinanceFlow('6f1c2d3e-4b5a-4c6d-8e7f-901234567890', 10_000))).toEqual([]);
  });

  it('requires a web address when a notification goes out by webhook', () => {
    const config = { ...nodeCatalog.notify.defaults, channel: 'webhook' };
    const result = nodeCatalog.notify.config.safeParse(config);
    expect(result.error?.issues[0]?.path).toEqual(['webhookUrl']);
    expect(nodeCatalog.notify.config.safeParse({ ...config, webhookUrl: 'https://chat.example.com/hook' }).success).toBe(true);
  });

  it('refuses a webhook that is not http(s), or a GET with a body', () => {
    const webhook = nodeCatalog.webhook;
    expect(webhook.config.safeParse({ ...webhook.defaults, url: 'ftp://example.com' }).success).toBe(false);
    expect(webhook.config.safeParse({ ...webhook.defaults, url: 'http://crm.local/p/{{project.id}}' }).success).toBe(true);
    expect(webhook.config.safeParse({ ...webhook.defaults, method: 'GET' }).success).toBe(false);
    expect(webhook.config.safeParse({ ...webhook.defaults, retries: 11 }).success).toBe(false);
  });

  it('refuses a webhook header value with a line break, which HTTP cannot carry', () => {
    const webhook = nodeCatalog.webhook;
    const result = webhook.config.safeParse({ ...webhook.defaults, headers: { 'X-Note': 'one\ntwo' } });
    expect(result.error?.issues[0]).toMatchObject({ path: ['headers', 'X-Note'], message: 'A header value is one line, without line breaks.' });
    expect(webhook.config.safeParse({ ...webhook.defaults, headers: { 'X-Note': 'one line, {{project.name}}' } }).success).toBe(true);
  });
});
