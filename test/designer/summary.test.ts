import { describe, expect, it } from 'vitest';
import { defaultFlows, nodeDef, nodeKinds } from '../../workflows/flow';
import { summarizeStep } from '../../designer/src/flow-designer/graph/summary';
import { createStepNode, triggerOnlyDraft } from '../../designer/src/flow-designer/graph/new-node';
import { validateFlow } from '../../workflows/flow';
import { humanize, valueLabel } from '../../designer/src/flow-designer/form/value-labels';

describe('the one-line summary under a step', () => {
  it.each(nodeKinds)('exists for a freshly dropped %s step', (kind) => {
    expect(summarizeStep(kind, nodeDef(kind).defaults)).toEqual(expect.any(String));
  });

  it('says who is asked and how long they have, in words', () => {
    const ack = defaultFlows[0]?.nodes.find((node) => node.id === 'ack');
    expect(summarizeStep('wait_for_ack', ack?.config)).toBe('The person the latest escalation reached, within 48 hours');
    expect(summarizeStep('notify', { recipient: { kind: 'owner_manager' }, channel: 'email', subject: 's', message: 'm' })).toBe("E-mail to the project owner's manager");
  });

  it('says below what share of plan a forecast trigger starts, and of which metric', () => {
    expect(summarizeStep('trigger', { event: 'forecast_below_threshold', forecastBelowPct: 80 })).toBe('Forecast falls below 80 % of plan');
    expect(summarizeStep('trigger', { event: 'forecast_below_threshold', forecastBelowPct: 85, forecastMetric: 'revenue' })).toBe('Revenue forecast falls below 85 % of plan');
    expect(summarizeStep('trigger', { event: 'forecast_below_threshold' })).toBeNull();
    expect(valueLabel('event', 'forecast_below_threshold')).toBe('Forecast falls below a threshold');
    expect(valueLabel('forecastWatch', 'allocation')).toBe('Allocations to members');
  });

  it('describes a condition with the variables’ labels', () => {
    expect(summarizeStep('condition', { rule: { '<': [{ var: 'escalation.level' }, 3] } })).toMatch(/^Escalation level.* is below 3$/);
    expect(summarizeStep('condition', { rule: { if: [true, true, false] } })).toBe('Custom rule');
  });

  it('says nothing while the settings are invalid or the kind is unknown', () => {
    expect(summarizeStep('delay', { duration: { amount: -1, unit: 'hours' } })).toBeNull();
    expect(summarizeStep('send_fax', {})).toBeNull();
  });
});

describe('new steps and new flows', () => {
  it('drops a step with a fresh id and its own copy of the kind’s defaults', () => {
    const node = createStepNode('notify', { x: 5, y: 6 }, new Set(['notify']));
    expect(node).toMatchObject({ id: 'notify_2', type: 'notify', position: { x: 5, y: 6 }, selected: true, data: { kind: 'notify' } });
    expect(node.data.config).toEqual(nodeDef('notify').defaults);
    expect(node.data.config).not.toBe(nodeDef('notify').defaults);
  });

  it('starts a new flow with only a trigger, whose one problem is that it leads nowhere yet', () => {
    const draft = triggerOnlyDraft('New flow');
    expect(draft.nodes.map((node) => node.kind)).toEqual(['trigger']);
    expect(validateFlow(draft).map((d) => d.code)).toEqual(['dangling_output']);
  });
});

describe('wording of choices', () => {
  it('turns values into words, keeping acronyms such as HTTP methods as they are', () => {
    expect(humanize('business_days')).toBe('Business days');
    expect(humanize('POST')).toBe('POST');
    expect(valueLabel('kind', 'escalation_recipient')).toBe('Whoever the latest escalation reached');
    expect(valueLabel('event', 'kpi_threshold_crossed')).toBe('KPI crosses a threshold');
  });
});
