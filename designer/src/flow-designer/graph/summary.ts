import { isNodeKind, nodeCatalog } from '../../../../workflows/flow';
import { channelLabel, describeDuration, describePeople, eventLabel, variableLabel } from '../../i18n/flow-catalog';
import { i18next } from '../../i18n/i18n';
import { describeRule } from '../form/rule-form';
import { valueLabel } from '../form/value-labels';
import { kpiMetricLabel } from '../../plan/goal-labels';

const t = (key: string, values?: Record<string, unknown>): string => i18next.t(`flowDesigner:summary.${key}` as never, values) as string;

/**
 * One line under the step's name saying what it does with its current settings ("E-mail to the
 * project owner's manager"), in the page's language. Null while the settings are invalid: the
 * step's problems say why.
 */
export function summarizeStep(kind: string, config: unknown): string | null {
  if (!isNodeKind(kind)) return null;
  switch (kind) {
    case 'trigger': {
      const parsed = nodeCatalog.trigger.config.safeParse(config);
      if (!parsed.success) return null;
      const c = parsed.data;
      if (c.event === 'forecast_below_threshold') return c.forecastMetric ? t('forecastMetric', { metric: kpiMetricLabel(c.forecastMetric), pct: c.forecastBelowPct }) : t('forecast', { pct: c.forecastBelowPct });
      if (c.event === 'kpi_threshold_crossed') return t(c.watch === 'funnel_stage' ? 'kpiStage' : 'kpi', { metric: kpiMetricLabel(c.metric), direction: c.direction, threshold: c.threshold });
      if (c.event === 'schedule') {
        const schedule = c.timeZone ? t('scheduleZone', { cron: c.cron, zone: c.timeZone }) : t('schedule', { cron: c.cron });
        return c.workingDaysOnly ? t('workingDays', { schedule }) : schedule;
      }
      return eventLabel(c.event);
    }
    case 'notify': {
      const parsed = nodeCatalog.notify.config.safeParse(config);
      if (!parsed.success) return null;
      return t('notify', { channel: channelLabel(parsed.data.channel), people: describePeople(parsed.data.recipient) });
    }
    case 'wait_for_ack': {
      const parsed = nodeCatalog.wait_for_ack.config.safeParse(config);
      if (!parsed.success) return null;
      return t('waitForAck', { people: capitalize(describePeople(parsed.data.recipient)), duration: describeDuration(parsed.data.timeout) });
    }
    case 'approval': {
      const parsed = nodeCatalog.approval.config.safeParse(config);
      if (!parsed.success) return null;
      const c = parsed.data;
      return t('approval', { people: capitalize(describePeople(c.approvers)), mode: valueLabel('mode', c.mode).toLowerCase(), duration: describeDuration(c.timeout) });
    }
    case 'condition': {
      const parsed = nodeCatalog.condition.config.safeParse(config);
      if (!parsed.success) return null;
      return describeRule(parsed.data.rule, variableLabel) ?? t('customRule');
    }
    case 'delay': {
      const parsed = nodeCatalog.delay.config.safeParse(config);
      return parsed.success ? t('delay', { duration: describeDuration(parsed.data.duration) }) : null;
    }
    case 'set_status': {
      const parsed = nodeCatalog.set_status.config.safeParse(config);
      return parsed.success ? t('setStatus', { status: parsed.data.status }) : null;
    }
    case 'create_task': {
      const parsed = nodeCatalog.create_task.config.safeParse(config);
      return parsed.success ? t('createTask', { title: parsed.data.title, people: describePeople(parsed.data.assignee) }) : null;
    }
    case 'webhook': {
      const parsed = nodeCatalog.webhook.config.safeParse(config);
      if (!parsed.success) return null;
      const host = /^https?:\/\/([^/?#]+)/i.exec(parsed.data.url)?.[1] ?? parsed.data.url;
      return `${parsed.data.method} ${host}`;
    }
    case 'parallel_split': {
      const parsed = nodeCatalog.parallel_split.config.safeParse(config);
      return parsed.success ? t('parallelSplit', { count: parsed.data.branches }) : null;
    }
    case 'end': {
      const parsed = nodeCatalog.end.config.safeParse(config);
      return parsed.success ? t('end', { result: parsed.data.result }) : null;
    }
    case 'escalate':
      return t('escalate');
    case 'parallel_join':
      return t('parallelJoin');
    case 'start_retrospective':
      return t('startRetrospective');
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
