import { DateTime } from 'luxon';
import type { Db } from '../../db/connect';
import { userNames } from '../../db/queries/dashboard';
import { goalRowKpiMetric, listGoals } from '../../db/queries/goals';
import { listProjectPeople } from '../../db/queries/members';
import { loadScorecardStanding, type ScorecardStanding } from '../../db/queries/scorecard-ranking';
import { deleteScorecard as removeScorecard, findScorecard, saveScorecard } from '../../db/queries/scorecards';
import type { SalesProject } from '../../db/schema';
import { ScorecardError, checkScorecard } from '../../workflows/domain/sales-plan/scorecard';
import { trainingDimensionKey } from '../../workflows/domain/sales-plan/training-and-scorecard';
import { Dec } from '../../workflows/domain/decimal';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { fieldDetail, invalidFields, notFound, type ErrorDetail } from '../errors';
import { calendarOf, inProject, requireProject } from '../plan-guard';
import { createRouter } from '../router';
import type { Scorecard, ScorecardRanking } from '../contract/scorecard';
import * as routes from '../contract/routes/scorecard';

/** The keys a dimension may have: the project's goals' KPI metrics, and training. */
async function dimensionOptions(db: Db, projectId: string): Promise<string[]> {
  return [...new Set([...(await listGoals(db, projectId)).map((g) => goalRowKpiMetric(g)), trainingDimensionKey])];
}

async function scorecardDto(db: Db, projectId: string): Promise<Scorecard> {
  const stored = await findScorecard(db, projectId);
  return { configured: stored !== undefined, dimensions: stored?.dimensions ?? [], options: await dimensionOptions(db, projectId), updatedAt: stored?.updatedAt.toISOString() ?? null };
}

/** The month's window in the project calendar's zone, or the whole project period. */
export function rankingWindow(project: SalesProject, month: string | undefined): { from: Date; to: Date } {
  if (!month) return { from: project.periodStart, to: project.periodEnd };
  const start = DateTime.fromISO(`${month}-01`, { zone: calendarOf(project).timeZone });
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/**
 * The ranking's members: the owner and the project's people (as the closing review lists the
 * team, so the two rank the same people on the same shares), and anyone else who reported towards
 * a dimension in the window.
 */
export async function scorecardStandingFor(db: Db, project: SalesProject, window: { from: Date; to: Date }): Promise<ScorecardStanding | null> {
  const scorecard = await findScorecard(db, project.id);
  if (!scorecard) return null;
  const listed = await listProjectPeople(db, project.id);
  const owner = listed.some((p) => p.id === project.ownerId) ? [] : [{ id: project.ownerId, name: (await userNames(db, [project.ownerId])).get(project.ownerId) ?? project.ownerId }];
  const people = [...owner, ...listed];
  const known = new Set(people.map((p) => p.id));
  const reporters = await db
    .selectFrom('kpi_reports')
    .select('reporterId')
    .distinct()
    .where('projectId', '=', project.id)
    .where('metric', 'in', scorecard.dimensions.map((d) => d.key))
    .where('reportedAt', '>=', window.from)
    .where('reportedAt', '<', window.to)
    .execute();
  const strangers = await userNames(db, reporters.map((r) => r.reporterId).filter((id) => !known.has(id)));
  const members = [...people.map((p) => ({ id: p.id, name: p.name })), ...[...strangers].map(([id, name]) => ({ id, name }))];
  return loadScorecardStanding(db, project.id, members, window);
}

export const scorecardRankingDto = (standing: ScorecardStanding, month: string | null): ScorecardRanking => ({
  month,
  from: standing.from,
  to: standing.to,
  dimensions: standing.dimensions,
  entries: standing.entries.map((e) => ({ rank: e.rank, memberId: e.memberId, name: e.name, score: e.score, reportedNothing: e.reportedNothing, dimensions: e.dimensions })),
});

export function scorecardRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(routes.getScorecard, async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAccess(db, c.get('principal'), id, 'read');
      await requireProject(db, id);
      return c.json(await scorecardDto(db, id), 200);
    })
    .openapi(routes.putScorecard, async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its scorecard');
      const { dimensions } = c.req.valid('json');
      await inProject(db, id, async (trx) => {
        const options = new Set(await dimensionOptions(trx, id));
        const problems: ErrorDetail[] = dimensions.flatMap((d, i) => (options.has(d.key) ? [] : [fieldDetail(`dimensions.${i}.key`, 'field.unknownDimension')]));
        try {
          checkScorecard(dimensions);
        } catch (error) {
          if (!(error instanceof ScorecardError)) throw error;
          const total = dimensions.reduce((sum, d) => sum.plus(d.weightPct), new Dec(0)).toFixed();
          const twice = dimensions.find((d, i) => dimensions.findIndex((o) => o.key === d.key) !== i);
          problems.push(
            error.field === 'dimensions'
              ? fieldDetail('dimensions', 'field.weightsNot100', { total })
              : error.field.endsWith('.key') && twice
                ? fieldDetail(error.field, 'field.dimensionTwice', { key: twice.key })
                : { path: error.field, message: error.message },
          );
        }
        if (problems.length > 0) throw invalidFields(problems);
        await saveScorecard(trx, id, dimensions);
      });
      return c.json(await scorecardDto(db, id), 200);
    })
    .openapi(routes.deleteScorecard, async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its scorecard');
      await inProject(db, id, async (trx) => {
        if (!(await removeScorecard(trx, id))) throw notFound('scorecardOfProject', id);
      });
      return c.body(null, 204);
    })
    .openapi(routes.getScorecardRanking, async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAccess(db, c.get('principal'), id, 'read');
      const { month } = c.req.valid('query');
      const project = await requireProject(db, id);
      const standing = await scorecardStandingFor(db, project, rankingWindow(project, month));
      if (!standing) throw notFound('scorecardOfProject', id);
      return c.json(scorecardRankingDto(standing, month ?? null), 200);
    });
}
