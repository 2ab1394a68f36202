import { type z } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import { userNames } from '../../db/queries/dashboard';
import { listProjectPeople } from '../../db/queries/members';
import { loadProgressInputs, projectProgress, type GoalProgress, type NumericKpiPoint } from '../../db/queries/project-progress';
import { evaluateEarlyWarning, listRisks } from '../../db/queries/risks';
import type { SalesProject } from '../../db/schema';
import { memberKpiTotals, metricAggregation, rankMembers, type GoalDirection, type RankingMember } from '../../workflows/domain';
import { requireProjectAccess } from '../access/project-access';
import type { AppDeps } from '../deps';
import { calendarOf, requireProject } from '../plan-guard';
import { createRouter } from '../router';
import { Ranking } from '../contract/dashboard';
import { budgetSummary } from './budget';
import { riskDto } from './risks';
import * as routes from '../contract/routes/dashboard';
import { rankingWindow, scorecardRankingDto, scorecardStandingFor } from './scorecard';

/** The month's ranking per accumulating goal metric, best first, ties sharing a rank (1, 1, 3). */
async function rankings(
  db: AppDeps['db'],
  project: SalesProject,
  goals: readonly GoalProgress[],
  points: readonly NumericKpiPoint[],
  asOf: Date,
  month: string | undefined,
): Promise<z.infer<typeof Ranking>[]> {
  const zone = calendarOf(project).timeZone;
  const start = month ? DateTime.fromISO(`${month}-01`, { zone }) : DateTime.fromJSDate(asOf, { zone }).startOf('month');
  const from = start.toJSDate();
  const to = start.plus({ months: 1 }).toJSDate();
  const metrics = new Map<string, GoalDirection>();
  for (const goal of goals) {
    if (metricAggregation(goal.metric) !== 'sum') continue;
    if (!metrics.has(goal.kpiMetric)) metrics.set(goal.kpiMetric, goal.direction);
  }
  if (metrics.size === 0) return [];

  const people = await listProjectPeople(db, project.id);
  const known = new Set(people.map((p) => p.id));
  const reporters = points.filter((p) => metrics.has(p.metric) && p.reportedAt >= from && p.reportedAt < to).map((p) => p.reporterId);
  const strangers = await userNames(db, reporters.filter((id) => !known.has(id)));
  const members: RankingMember[] = [...people.map((p) => ({ id: p.id, name: p.name })), ...[...strangers].map(([id, name]) => ({ id, name }))];
  const reports = points.map((p) => ({ memberId: p.reporterId, metric: p.metric, value: p.value, reportedAt: p.reportedAt }));

  return [...metrics].map(([metric, direction]) => ({
    metric,
    month: start.toFormat('yyyy-MM'),
    from: from.toISOString(),
    to: to.toISOString(),
    direction,
    entries: rankMembers(memberKpiTotals(reports, { metric, from, to, members }), { direction }).map((m) => ({
      rank: m.rank,
      memberId: m.memberId,
      name: m.name,
      total: m.total,
      reportCount: m.reportCount,
    })),
  }));
}

/** The month's ranking by the balanced scorecard (the same month as `rankings`); null without a scorecard. */
async function monthlyScorecard(db: AppDeps['db'], project: SalesProject, asOf: Date, month: string | undefined) {
  const chosen = month ?? DateTime.fromJSDate(asOf, { zone: calendarOf(project).timeZone }).toFormat('yyyy-MM');
  const standing = await scorecardStandingFor(db, project, rankingWindow(project, chosen));
  return standing ? scorecardRankingDto(standing, chosen) : null;
}

export function dashboardRouter({ db }: AppDeps) {
  return createRouter().openapi(
    routes.getDashboard,
    async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAccess(db, c.get('principal'), id, 'read');
      const query = c.req.valid('query');
      const project = await requireProject(db, id);
      const asOf = query.at ? new Date(query.at) : new Date();
      const [inputs, budget, risks] = await Promise.all([
        loadProgressInputs(db, id, asOf),
        budgetSummary(db, id),
        listRisks(db, id, { openOnly: true }),
      ]);
      const { goals, milestones } = projectProgress(project, inputs, asOf);

      const openRisks = await Promise.all(
        risks.map(async (risk) => ({
          ...riskDto(risk),
          warning: risk.earlyWarning ? await evaluateEarlyWarning(db, id, risk.earlyWarning, asOf) : null,
        })),
      );
      return c.json(
        {
          projectId: project.id,
          name: project.name,
          phase: project.phase,
          asOf: asOf.toISOString(),
          goals,
          milestones,
          budget,
          openRisks,
          ranking: await rankings(db, project, goals, inputs.points, asOf, query.month),
          scorecardRanking: await monthlyScorecard(db, project, asOf, query.month),
        },
        200,
      );
    },
  );
}
