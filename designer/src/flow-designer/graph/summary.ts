import {
  channelLabels,
  describeDuration,
  describePeopleRule,
  eventVariables,
  isNodeKind,
  nodeCatalog,
  nodeDef,
  triggerEventLabels,
  triggerEvents,
  type VariableDef,
} from '../../../../workflows/flow';
import { describeRule } from '../form/rule-form';
import { humanize, valueLabel } from '../form/value-labels';

/** Every variable any trigger or step can provide, for showing names people can read. */
const variableLabels = new Map<string, string>(
  [
    ...triggerEvents.flatMap((event) => eventVariables[event]),
    ...Object.values(nodeCatalog).flatMap((def): readonly VariableDef[] => nodeDef(def.kind).provides?.(nodeDef(def.kind).defaults) ?? []),
  ].map((variable) => [variable.name, variable.label]),
);

export function variableLabel(name: string): string {
  return variableLabels.get(name) ?? name;
}

/**
 * One line under the step's name saying what it does with its current settings ("E-mail to the
 * project owner's manager"). Null while the settings are invalid: the step's problems say why.
 */
export function summarizeStep(kind: string, config: unknown): string | null {
  if (!isNodeKind(kind)) return null;
  switch (kind) {
    case 'trigger': {
      const parsed = nodeCatalog.trigger.config.safeParse(config);
      if (!parsed.success) return null;
      const c = parsed.data;
      if (c.event === 'kpi_threshold_crossed') return `${c.metric} attainment goes ${c.direction} ${c.threshold} %`;
      if (c.event === 'schedule') return `On schedule ${c.cron}${c.timeZone ? ` (${c.timeZone})` : ''}${c.workingDaysOnly ? ', working days' : ''}`;
      return triggerEventLabels[c.event];
    }
    case 'notify': {
      const parsed = nodeCatalog.notify.config.safeParse(config);
      if (!parsed.success) return null;
      return `${channelLabels[parsed.data.channel]} to ${describePeopleRule(parsed.data.recipient)}`;
    }
    case 'wait_for_ack': {
      const parsed = nodeCatalog.wait_for_ack.config.safeParse(config);
      if (!parsed.success) return null;
      return `${capitalize(describePeopleRule(parsed.data.recipient))}, within ${describeDuration(parsed.data.timeout)}`;
    }
    case 'approval': {
      const parsed = nodeCatalog.approval.config.safeParse(config);
      if (!parsed.success) return null;
      const c = parsed.data;
      return `${capitalize(describePeopleRule(c.approvers))} (${valueLabel('mode', c.mode).toLowerCase()}), within ${describeDuration(c.timeout)}`;
    }
    case 'condition': {
      const parsed = nodeCatalog.condition.config.safeParse(config);
      if (!parsed.success) return null;
      return describeRule(parsed.data.rule, variableLabel) ?? 'Custom rule';
    }
    case 'delay': {
      const parsed = nodeCatalog.delay.config.safeParse(config);
      return parsed.success ? `Wait ${describeDuration(parsed.data.duration)}` : null;
    }
    case 'set_status': {
      const parsed = nodeCatalog.set_status.config.safeParse(config);
      return parsed.success ? `Project ${humanize(parsed.data.status).toLowerCase()}` : null;
    }
    case 'create_task': {
      const parsed = nodeCatalog.create_task.config.safeParse(config);
      return parsed.success ? `“${parsed.data.title}” for ${describePeopleRule(parsed.data.assignee)}` : null;
    }
    case 'webhook': {
      const parsed = nodeCatalog.webhook.config.safeParse(config);
      if (!parsed.success) return null;
      const host = /^https?:\/\/([^/?#]+)/i.exec(parsed.data.url)?.[1] ?? parsed.data.url;
      return `${parsed.data.method} ${host}`;
    }
    case 'parallel_split': {
      const parsed = nodeCatalog.parallel_split.config.safeParse(config);
      return parsed.success ? `${parsed.data.branches} branches at once` : null;
    }
    case 'end': {
      const parsed = nodeCatalog.end.config.safeParse(config);
      return parsed.success ? `Result: ${valueLabel('result', parsed.data.result).toLowerCase()}` : null;
    }
    case 'escalate':
      return 'One level up the org chart';
    case 'parallel_join':
      return 'Waits for every branch';
    case 'start_retrospective':
      return 'Opens the closing review';
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
