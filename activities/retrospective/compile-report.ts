import type { Db } from '../../db/connect';
import { loadProjectProgress } from '../../db/queries/project-progress';
import { listMilestones } from '../../db/queries/projects';
import { memberKpiTotals, rankMembers } from '../../workflows/domain/ranking';
import { average, hoursBetween, type RetrospectiveReport } from '../../workflows/domain/retrospective-report';

const DAY_MS = 86_400_000;

/**
 * Compiles the closing review from what the database recorded while the project ran: goals,
 * milestones, escalations, approvals, change requests, risks, budget, members and a timeline.
 */
export async function compileReport(db: Db, projectId: string, now: Date): Promise<RetrospectiveReport> {
  const project = await db.selectFrom('sales_projects').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow();
  const names = new Map((await db.selectFrom('users').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : '');

  const { goals } = await loadProjectProgress(db, project, project.period_end < now ? project.period_end : now);
  const milestones = await listMilestones(db, projectId);
  const escalations = await db.selectFrom('escalations').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('level').execute();
  const approvals = await db.selectFrom('approval_requests').selectAll().where('project_id', '=', projectId).where('kind', '=', 'approval').orderBy('created_at').execute();
  const changes = await db.selectFrom('change_requests').selectAll().where('project_id', '=', projectId).orderBy('created_at').execute();
  const risks = await db.selectFrom('risks').selectAll().where('project_id', '=', projectId).orderBy('created_at').execute();
  const budget = await db.selectFrom('budget_lines').selectAll().where('project_id', '=', projectId).orderBy('category').execute();
  const events = await db.selectFrom('project_events').selectAll().where('project_id', '=', projectId).orderBy('at').execute();
  const reports = await db.selectFrom('kpi_reports').select(['reporter_id', 'metric', 'value', 'reported_at']).where('project_id', '=', projectId).execute();

  const milestoneName = new Map(milestones.map((m) => [m.id, m.name]));
  const goalName = new Map(goals.map((g) => [g.goalId, g.label]));
  const escalationItems = escalations.map((e) => ({
    milestone: milestoneName.get(e.milestone_id) ?? '',
    level: e.level,
    recipient: nameOf(e.recipient_id),
    createdAt: e.created_at.toISOString(),
    acknowledgedAt: e.acknowledged_at?.toISOString() ?? null,
    hoursToAck: hoursBetween(e.created_at, e.acknowledged_at),
  }));
  const levels = [...new Set(escalations.map((e) => e.level))].sort((a, b) => a - b);

  // Members are ranked by the metric the team reported most (revenue, for most sales teams).
  const reportCounts = new Map<string, number>();
  for (const r of reports) reportCounts.set(r.metric, (reportCounts.get(r.metric) ?? 0) + 1);
  const mainMetric = [...reportCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const ranked = mainMetric
    ? rankMembers(
        memberKpiTotals(
          reports.map((r) => ({ memberId: r.reporter_id, metric: r.metric, value: Number(r.value), reportedAt: r.reported_at })),
          { metric: mainMetric, members: [...new Set(reports.map((r) => r.reporter_id))].map((id) => ({ id, name: nameOf(id) })) },
        ),
      )
    : [];

  const timeline = [
    ...events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, text: String((e.detail as { text?: unknown }).text ?? e.kind) })),
    ...milestones.filter((m) => m.checked_at).map((m) => ({ at: m.checked_at!.toISOString(), kind: `milestone_${m.status}`, text: `Milestone "${m.name}" ${m.status}` })),
    ...escalationItems.map((e) => ({ at: e.createdAt, kind: 'escalation', text: `"${e.milestone}" escalated to ${e.recipient} (level ${e.level})` })),
    ...escalationItems.filter((e) => e.acknowledgedAt).map((e) => ({ at: e.acknowledgedAt!, kind: 'acknowledged', text: `${e.recipient} acknowledged "${e.milestone}" (level ${e.level})` })),
    ...changes.map((c) => ({ at: c.created_at.toISOString(), kind: 'change_requested', text: `Change of ${c.field === 'due_at' ? 'due date' : 'target'} requested: ${c.reason}` })),
    ...changes.filter((c) => c.decided_at).map((c) => ({ at: c.decided_at!.toISOString(), kind: `change_${c.status}`, text: `Change ${c.status}` })),
    ...approvals.filter((a) => a.decided_at).map((a) => ({ at: a.decided_at!.toISOString(), kind: `approval_${a.status}`, text: `${nameOf(a.decided_by ?? a.approver_id)}: ${a.status}` })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));

  return {
    projectId,
    projectName: project.name,
    outcome: project.closed_reason ?? 'completed',
    periodStart: project.period_start.toISOString(),
    periodEnd: project.period_end.toISOString(),
    compiledAt: now.toISOString(),
    // A goal with nothing reported (and no baseline) closes at 0, 0 % of its target: red.
    goals: goals.map((g) => ({
      goalId: g.goalId,
      name: g.label,
      unit: g.unit,
      target: g.target,
      actual: g.actual ?? 0,
      attainmentPct: g.attainmentPct ?? 0,
      status: g.status ?? 'red',
    })),
    milestones: milestones.map((m) => ({
      milestoneId: m.id,
      name: m.name,
      dueAt: m.due_at.toISOString(),
      target: Number(m.target_value),
      actual: m.actual_value === null ? null : Number(m.actual_value),
      status: m.status,
      daysLate: m.status === 'missed' && m.checked_at ? Math.max(0, Math.floor((m.checked_at.getTime() - m.due_at.getTime()) / DAY_MS)) : 0,
      owner: nameOf(m.owner_id),
    })),
    series: milestones.map((m) => ({ metric: m.metric, at: m.due_at.toISOString(), planned: Number(m.target_value), actual: m.actual_value === null ? null : Number(m.actual_value) })),
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
      avgTurnaroundHours: average(approvals.map((a) => hoursBetween(a.created_at, a.decided_at))),
      items: approvals.map((a) => ({
        kind: a.kind,
        approver: nameOf(a.approver_id),
        status: a.status,
        createdAt: a.created_at.toISOString(),
        decidedAt: a.decided_at?.toISOString() ?? null,
        turnaroundHours: hoursBetween(a.created_at, a.decided_at),
      })),
    },
    changeRequests: changes.map((c) => ({
      field: c.field,
      subject: c.subject_kind === 'milestone' ? (milestoneName.get(c.subject_id) ?? '') : (goalName.get(c.subject_id) ?? ''),
      before: c.before,
      after: c.after,
      status: c.status,
      reason: c.reason,
      turnaroundHours: hoursBetween(c.created_at, c.decided_at),
    })),
    risks: {
      raisedByEarlyWarning: risks.filter((r) => r.raised_at !== null).map((r) => r.title),
      materialised: risks.filter((r) => r.status === 'materialised').map((r) => r.title),
    },
    budget: budget.map((b) => {
      const planned = Number(b.planned);
      const spent = Number(b.spent);
      return { category: b.category, planned, spent, overrunPct: planned > 0 ? Math.max(0, Math.round(((spent - planned) / planned) * 10_000) / 100) : 0 };
    }),
    members: ranked.map((m) => ({ userId: m.memberId, name: m.name, total: m.total, rank: m.rank })),
    timeline,
  };
}
