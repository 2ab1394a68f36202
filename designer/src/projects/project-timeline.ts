import type { TFunction } from 'i18next';
import { formatNumber } from '../shared/format';
import type { ProjectDetail } from '../../../api/contract/projects';
import { kpiMetricLabel } from '../plan/goal-labels';

export interface TimelineEvent {
  at: string;
  kind: 'period' | 'milestone_met' | 'milestone_missed' | 'milestone_due' | 'check' | 'escalation' | 'acknowledged';
  text: string;
}

const checkKeys = { warning: 'timeline.warningCheck', due: 'timeline.dueCheck' } as const;
const isCheckKind = (kind: string): kind is keyof typeof checkKeys => Object.hasOwn(checkKeys, kind);

/** What the timeline is made of: a project answer, or any part of one with these fields. */
export type TimelineSource = Pick<ProjectDetail, 'periodStart' | 'periodEnd' | 'milestones' | 'escalations'> & { lifecycle: Pick<ProjectDetail['lifecycle'], 'nextChecks'> };

/** The project's events, past and planned, in time order, from what the project answer holds, in the page's language. */
export function projectTimeline(project: TimelineSource, nameOf: (id: string | null) => string, t: TFunction<'projects'>): TimelineEvent[] {
  const milestoneName = new Map(project.milestones.map((m) => [m.id, m.name]));
  const events: TimelineEvent[] = [
    { at: project.periodStart, kind: 'period', text: t('timeline.periodStarts') },
    { at: project.periodEnd, kind: 'period', text: t('timeline.periodEnds') },
  ];
  for (const m of project.milestones) {
    if (m.status === 'pending') {
      events.push({ at: m.dueAt, kind: 'milestone_due', text: t('timeline.due', { milestone: m.name, target: formatNumber(m.targetValue), metric: kpiMetricLabel(m.metric) }) });
    } else {
      const met = m.status === 'met';
      const text =
        m.actualValue === null
          ? t(met ? 'timeline.met' : 'timeline.missed', { milestone: m.name })
          : t(met ? 'timeline.metWithActual' : 'timeline.missedWithActual', { milestone: m.name, actual: formatNumber(m.actualValue), target: formatNumber(m.targetValue) });
      events.push({ at: m.checkedAt ?? m.dueAt, kind: met ? 'milestone_met' : 'milestone_missed', text });
    }
  }
  for (const check of project.lifecycle.nextChecks) {
    const name = isCheckKind(check.kind) ? t(checkKeys[check.kind]) : check.kind;
    events.push({ at: check.at, kind: 'check', text: t('timeline.check', { check: name, milestone: milestoneName.get(check.milestoneId) ?? t('timeline.aMilestone') }) });
  }
  for (const e of project.escalations) {
    const what = milestoneName.get(e.milestoneId) ?? t('timeline.aMilestone');
    events.push({ at: e.createdAt, kind: 'escalation', text: t('timeline.escalated', { milestone: what, recipient: nameOf(e.recipientId), level: e.level }) });
    if (e.acknowledgedAt) events.push({ at: e.acknowledgedAt, kind: 'acknowledged', text: t('timeline.acknowledged', { who: nameOf(e.acknowledgedBy), milestone: what, level: e.level }) });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
