import { formatNumber } from '../shared/format';
import type { ProjectDetail } from '../../../api/contract/projects';

export interface TimelineEvent {
  at: string;
  kind: 'period' | 'milestone_met' | 'milestone_missed' | 'milestone_due' | 'check' | 'escalation' | 'acknowledged';
  text: string;
}

const checkLabels: Record<string, string> = { warning: 'At-risk check', due: 'Due check' };

/** The project's events, past and planned, in time order, from what the project answer holds. */
export function projectTimeline(project: ProjectDetail, nameOf: (id: string | null) => string): TimelineEvent[] {
  const milestoneName = new Map(project.milestones.map((m) => [m.id, m.name]));
  const events: TimelineEvent[] = [
    { at: project.periodStart, kind: 'period', text: 'Period starts' },
    { at: project.periodEnd, kind: 'period', text: 'Period ends' },
  ];
  for (const m of project.milestones) {
    if (m.status === 'pending') events.push({ at: m.dueAt, kind: 'milestone_due', text: `“${m.name}” due (target ${formatNumber(m.targetValue)} ${m.metric})` });
    else {
      const actual = m.actualValue === null ? '' : `: ${formatNumber(m.actualValue)} of ${formatNumber(m.targetValue)}`;
      events.push({ at: m.checkedAt ?? m.dueAt, kind: m.status === 'met' ? 'milestone_met' : 'milestone_missed', text: `“${m.name}” ${m.status}${actual}` });
    }
  }
  for (const check of project.lifecycle.nextChecks) {
    events.push({ at: check.at, kind: 'check', text: `${checkLabels[check.kind] ?? check.kind} of “${milestoneName.get(check.milestoneId) ?? 'a milestone'}”` });
  }
  for (const e of project.escalations) {
    const what = milestoneName.get(e.milestoneId) ?? 'a milestone';
    events.push({ at: e.createdAt, kind: 'escalation', text: `“${what}” escalated to ${nameOf(e.recipientId)} (level ${e.level})` });
    if (e.acknowledgedAt) events.push({ at: e.acknowledgedAt, kind: 'acknowledged', text: `${nameOf(e.acknowledgedBy)} acknowledged “${what}” (level ${e.level})` });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
