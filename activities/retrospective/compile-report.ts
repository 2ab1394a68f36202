import type { Db } from '../../db/connect';
import { listProjectMembers } from '../../db/queries/members';
import { loadProjectProgress } from '../../db/queries/project-progress';
import { getProject, listMilestones } from '../../db/queries/projects';
import { loadProjectRecords } from '../../db/queries/retrospectives';
import { listUsers } from '../../db/queries/users';
import { memberKpiTotals, rankMembers } from '../../workflows/domain/ranking';
import { overrunPercent } from '../../workflows/domain/spending';
import { average, hoursBetween, type RetrospectiveReport } from '../../workflows/domain/retrospective-report';
import { changeRequestFieldLabels } from '../../workflows/domain/plan-item-states';
import { changeValueText } from '../../workflows/domain/change-values';
import { listPayouts } from '../../db/queries/incentives';
import { Dec } from '../../workflows/domain/decimal';

const DAY_MS = 86_400_000;

/**
 * Compiles the closing review from what the database recorded while the project ran: goals,
 * milestones, escalations, approvals, change requests, risks, budget, members and a timeline.
 */
export async function compileReport(db: Db, projectId: string, now: Date): Promise<RetrospectiveReport> {
  const project = await getProject(db, projectId);
  const names = new Map((await listUsers(db)).map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : '');

  const { goals } = await loadProjectProgress(db, project, project.periodEnd < now ? project.periodEnd : now);
  const milestones = await listMilestones(db, projectId);
  const { escalations, approvals, changes, risks, budget, events, reports } = await loadProjectRecords(db, projectId);

  const milestoneName = new Map(milestones.map((m) => [m.id, m.name]));
  const goalName = new Map(goals.map((g) => [g.goalId, g.label]));
  const escalationItems = escalations.map((e) => ({
    milestone: milestoneName.get(e.milestoneId) ?? '',
    level: e.level,
    recipient: nameOf(e.recipientId),
    createdAt: e.createdAt.toISOString(),
    acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
    hoursToAck: hoursBetween(e.createdAt, e.acknowledgedAt),
  }));
  const levels = [...new Set(escalations.map((e) => e.level))].sort((a, b) => a - b);
  // Only what the incentive flow approved was paid; an earned or rejected payout is not in the review.
  const approvedPayouts = await listPayouts(db, projectId, { status: 'approved' });

  // Members are ranked by the KPI of the plan's first goal (its headline: revenue, for most sales
  // teams), each owner and member listed, with 0 when they reported nothing towards it.
  const headline = goals[0];
  const team = [...new Set([project.ownerId, ...(await listProjectMembers(db, projectId)).filter((m) => m.role !== 'viewer').map((m) => m.userId)])];
  const ranked = headline
    ? rankMembers(
        memberKpiTotals(
          reports.map((r) => ({ memberId: r.reporterId, metric: r.metric, value: r.value, reportedAt: r.reportedAt })),
          { metric: headline.kpiMetric, members: team.map((id) => ({ id, name: nameOf(id) })) },
        ),
        { direction: headline.direction },
      )
    : [];

  const timeline = [
    ...events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, text: String((e.detail as { text?: unknown }).text ?? e.kind) })),
    ...milestones.filter((m) => m.checkedAt).map((m) => ({ at: m.checkedAt!.toISOString(), kind: `milestone_${m.status}`, text: `Milestone "${m.name}" ${m.status}` })),
    ...escalationItems.map((e) => ({ at: e.createdAt, kind: 'escalation', text: `"${e.milestone}" escalated to ${e.recipient} (level ${e.level})` })),
    ...escalationItems.filter((e) => e.acknowledgedAt).map((e) => ({ at: e.acknowledgedAt!, kind: 'acknowledged', text: `${e.recipient} acknowledged "${e.milestone}" (level ${e.level})` })),
    ...changes.map((c) => ({ at: c.createdAt.toISOString(), kind: 'change_requested', text: `Change of ${changeRequestFieldLabels[c.field]} requested: ${c.reason}` })),
    ...changes.filter((c) => c.decidedAt).map((c) => ({ at: c.decidedAt!.toISOString(), kind: `change_${c.status}`, text: `Change ${c.status}` })),
    ...approvals.filter((a) => a.decidedAt).map((a) => ({ at: a.decidedAt!.toISOString(), kind: `approval_${a.status}`, text: `${nameOf(a.decidedBy ?? a.approverId)}: ${a.status}` })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));

  return {
    projectId,
    projectName: project.name,
    outcome: project.closedReason ?? 'completed',
    periodStart: project.periodStart.toISOString(),
    periodEnd: project.periodEnd.toISOString(),
    compiledAt: now.toISOString(),
    // A goal with nothing reported (and no baseline) closes at 0, 0 % of its target: red.
    goals: goals.map((g) => ({
      goalId: g.goalId,
      name: g.label,
      unit: g.unit,
      target: g.target,
      actual: g.actual ?? '0',
      attainmentPct: g.attainmentPct ?? 0,
      status: g.status ?? 'red',
    })),
    milestones: milestones.map((m) => ({
      milestoneId: m.id,
      name: m.name,
      dueAt: m.dueAt.toISOString(),
      target: m.targetValue,
      actual: m.actualValue,
      status: m.status,
      daysLate: m.status === 'missed' && m.checkedAt ? Math.max(0, Math.floor((m.checkedAt.getTime() - m.dueAt.getTime()) / DAY_MS)) : 0,
      owner: nameOf(m.ownerId),
    })),
    series: milestones.map((m) => ({ metric: m.metric, at: m.dueAt.toISOString(), planned: m.targetValue, actual: m.actualValue })),
    escalations: {
      count: escalations.length,
      highestLevel: Math.max(0, ...escalations.map((e) => e.level)),
      byLevel: levels.map((level) => {
        const at = escalationItems.filter((e) => e.level === level);
        return { level, count: at.length, acknowledged: at.filter((e) => e.acknowledgedAt).length, avgHoursToAck: average(at.map((e) => e.hoursToAck)) };
      }),
      items: escalationItems,
    },
    approvals: {
      count: approvals.length,
      rejections: approvals.filter((a) => a.status === 'rejected').length,
      avgTurnaroundHours: average(approvals.map((a) => hoursBetween(a.createdAt, a.decidedAt))),
      items: approvals.map((a) => ({
        kind: a.kind,
        approver: nameOf(a.approverId),
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        decidedAt: a.decidedAt?.toISOString() ?? null,
        turnaroundHours: hoursBetween(a.createdAt, a.decidedAt),
      })),
    },
    changeRequests: changes.map((c) => ({
      field: c.field,
      subject: c.subjectKind === 'milestone' ? (milestoneName.get(c.subjectId) ?? '') : c.subjectKind === 'project' ? project.name : (goalName.get(c.subjectId) ?? ''),
      before: c.subjectKind === 'project' ? changeValueText(c.field, c.before) : c.before,
      after: c.subjectKind === 'project' ? changeValueText(c.field, c.after) : c.after,
      status: c.status,
      reason: c.reason,
      turnaroundHours: hoursBetween(c.createdAt, c.decidedAt),
    })),
    risks: {
      raisedByEarlyWarning: risks.filter((r) => r.raisedAt !== null).map((r) => r.title),
      materialised: risks.filter((r) => r.status === 'materialised').map((r) => r.title),
    },
    budget: budget.map((b) => ({ category: b.category, planned: b.planned, spent: b.spent, overrunPct: overrunPercent(b.planned, b.spent) ?? 0 })),
    members: ranked.map((m) => ({ userId: m.memberId, name: m.name, total: m.total, rank: m.rank })),
    timeline,
    incentives: {
      approvedTotal: approvedPayouts.reduce((sum, p) => sum.plus(p.amount), new Dec(0)).toFixed(2),
      payouts: approvedPayouts.map((p) => ({ payoutId: p.id, memberId: p.memberId, name: p.memberName, amount: new Dec(p.amount).toFixed(2), decidedAt: p.decidedAt?.toISOString() ?? null })),
    },
  };
}
