import type { Db } from '../../db/connect';
import { listProjectMembers } from '../../db/queries/members';
import { loadProjectProgress } from '../../db/queries/project-progress';
import { getProject, listMilestones } from '../../db/queries/projects';
import { loadProjectRecords } from '../../db/queries/retrospectives';
import { listUsers } from '../../db/queries/users';
import { memberKpiTotals, rankMembers } from '../../workflows/domain/ranking';
import { overrunPercent } from '../../workflows/domain/spending';
import { average, hoursBetween, type RetrospectiveReport, type RetrospectiveTimelineEntry, type RetrospectiveTraining, type TimelineMessageKey } from '../../workflows/domain/retrospective-report';
import { loadScorecardStanding, wholeProjectWindow } from '../../db/queries/scorecard-ranking';
import { listTraining } from '../../db/queries/training';
import type { SalesProject } from '../../db/schema';
import { Dec } from '../../workflows/domain/decimal';
import { sumExact } from '../../workflows/domain/money';
import { changeRequestFieldLabels } from '../../workflows/domain/plan-item-states';
import { changeValueText } from '../../workflows/domain/change-values';
import { listPayouts } from '../../db/queries/incentives';

const DAY_MS = 86_400_000;

type ReportMember = RetrospectiveReport['members'][number];

/**
 * The members of the closing review: with a balanced scorecard, ranked by the score over the whole
 * project with each dimension shown (every member listed, one who reported nothing too); without
 * one, ranked by the headline total as before. Each with their training next to their results.
 */
async function withScorecardAndTraining(
  db: Db,
  project: SalesProject,
  ranked: readonly { memberId: string; name: string; total: string; rank: number }[],
  team: readonly { id: string; name: string }[],
  now: Date,
): Promise<ReportMember[]> {
  const training = await listTraining(db, project.id);
  const trainingOf = (userId: string): RetrospectiveTraining => {
    const mine = training.flatMap((item) => item.attendees.filter((a) => a.userId === userId).map((a) => ({ item, a })));
    const scores = mine.map(({ a }) => a.score).filter((s): s is string => s !== null);
    return {
      assigned: mine.length,
      attended: mine.filter(({ a }) => a.attended === true).length,
      completed: mine.filter(({ a }) => a.completedAt !== null).length,
      averageScore: scores.length === 0 ? null : new Dec(sumExact(scores)).dividedBy(scores.length).toDecimalPlaces(2).toFixed(),
      topics: mine.map(({ item }) => item.topic),
    };
  };
  const totals = new Map(ranked.map((m) => [m.memberId, m]));
  // Reporters outside the team stay listed as before; the scorecard ranks the team and them.
  const everyone = [...team, ...ranked.filter((m) => !team.some((t) => t.id === m.memberId)).map((m) => ({ id: m.memberId, name: m.name }))];
  // Late reports of the monitoring window count, as they do for the totals; targets stay the goal periods'.
  const standing = await loadScorecardStanding(db, project.id, everyone, wholeProjectWindow(project, now));
  if (!standing) {
    return ranked.map((m) => ({ userId: m.memberId, name: m.name, total: m.total, rank: m.rank, score: null, training: trainingOf(m.memberId) }));
  }
  return standing.entries.map((e) => ({
    userId: e.memberId,
    name: e.name,
    total: totals.get(e.memberId)?.total ?? '0',
    rank: e.rank,
    score: e.score,
    reportedNothing: e.reportedNothing,
    dimensions: e.dimensions,
    training: trainingOf(e.memberId),
  }));
}

/** A timeline entry: its English text as reports have always held it, and the message each reader reads it by. */
function entry(at: string, kind: string, text: string, key?: TimelineMessageKey, values: Record<string, string | number> = {}): RetrospectiveTimelineEntry {
  return key ? { at, kind, text, message: { key, values } } : { at, kind, text };
}

/** An entry for what the lifecycle and the flow schedules recorded on the project's timeline (project_events). */
function eventEntry(at: Date, kind: string, detail: unknown): RetrospectiveTimelineEntry {
  const recorded = (detail ?? {}) as { text?: unknown; phase?: unknown };
  const text = String(recorded.text ?? kind);
  if (kind === 'phase' && typeof recorded.phase === 'string') return entry(at.toISOString(), kind, text, 'phase', { phase: recorded.phase });
  if (kind === 'schedule_skipped') return entry(at.toISOString(), kind, text, 'scheduleSkipped');
  if (kind === 'retrospective_started') return entry(at.toISOString(), kind, text, 'retrospectiveStarted');
  return entry(at.toISOString(), kind, text);
}

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
  const members = await withScorecardAndTraining(db, project, ranked, team.map((id) => ({ id, name: nameOf(id) })), now);

  const timeline = [
    ...events.map((e) => eventEntry(e.at, e.kind, e.detail)),
    ...milestones
      .filter((m) => m.checkedAt)
      .map((m) => entry(m.checkedAt!.toISOString(), `milestone_${m.status}`, `Milestone "${m.name}" ${m.status}`, m.status === 'met' ? 'milestoneMet' : 'milestoneMissed', { milestone: m.name })),
    ...escalationItems.map((e) =>
      entry(e.createdAt, 'escalation', `"${e.milestone}" escalated to ${e.recipient} (level ${e.level})`, 'escalation', { milestone: e.milestone, recipient: e.recipient, level: e.level }),
    ),
    ...escalationItems
      .filter((e) => e.acknowledgedAt)
      .map((e) =>
        entry(e.acknowledgedAt!, 'acknowledged', `${e.recipient} acknowledged "${e.milestone}" (level ${e.level})`, 'acknowledged', { milestone: e.milestone, recipient: e.recipient, level: e.level }),
      ),
    ...changes.map((c) => entry(c.createdAt.toISOString(), 'change_requested', `Change of ${changeRequestFieldLabels[c.field]} requested: ${c.reason}`, 'changeRequested', { field: c.field, reason: c.reason })),
    ...changes
      .filter((c) => c.decidedAt)
      .map((c) => entry(c.decidedAt!.toISOString(), `change_${c.status}`, `Change ${c.status}`, c.status === 'approved' ? 'changeApproved' : 'changeRejected', { field: c.field })),
    ...approvals
      .filter((a) => a.decidedAt)
      .map((a) => {
        const approver = nameOf(a.decidedBy ?? a.approverId);
        return entry(a.decidedAt!.toISOString(), `approval_${a.status}`, `${approver}: ${a.status}`, 'approvalDecided', { approver, status: a.status });
      }),
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
      metric: g.metric,
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
    members,
    timeline,
    incentives: {
      approvedTotal: approvedPayouts.reduce((sum, p) => sum.plus(p.amount), new Dec(0)).toFixed(2),
      payouts: approvedPayouts.map((p) => ({ payoutId: p.id, memberId: p.memberId, name: p.memberName, amount: new Dec(p.amount).toFixed(2), decidedAt: p.decidedAt?.toISOString() ?? null })),
    },
  };
}
