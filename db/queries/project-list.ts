import { sql, type RawBuilder } from 'kysely';
import { goalRowKpiMetric } from './goals';
import type { Db } from '../connect';
import type { LifecyclePhase } from '../../workflows/sales-project-messages';
import { assessProgress, type RagStatus } from '../../workflows/domain/attainment';
import { metricAggregation } from '../../workflows/domain/smart-goal';

export interface ProjectListFilter {
  phase?: LifecyclePhase | undefined;
  ownerId?: string | undefined;
  q?: string | undefined;
  status?: RagStatus | undefined;
  /** Only these projects (a subquery of ids, e.g. the ones a person may read); undefined = all. */
  readable?: RawBuilder<string> | undefined;
  limit: number;
  offset: number;
}

export interface ProjectListRow {
  id: string;
  name: string;
  phase: LifecyclePhase;
  ownerId: string;
  ownerName: string;
  periodStart: string;
  periodEnd: string;
  /** Of the project's first goal's final target; null without a goal or reports to go on. */
  attainmentPct: number | null;
  status: RagStatus | null;
  openEscalations: number;
}

/** A list is computed over at most this many matching projects (newest first). */
export const maxListedProjects = 5000;

/**
 * The projects list in a fixed number of queries whatever its length: the matching projects, then
 * each one's first goal with its reported KPI (sum, or latest for rates) in one grouped query.
 * The RAG status is computed, so its filter and the paging apply after computing it.
 */
export async function listProjects(db: Db, filter: ProjectListFilter, now: Date): Promise<{ total: number; rows: ProjectListRow[] }> {
  let base = db.selectFrom('sales_projects as p').innerJoin('users as o', 'o.id', 'p.ownerId');
  if (filter.readable) base = base.where(sql<boolean>`p.id in ${filter.readable}`);
  if (filter.phase) base = base.where('p.phase', '=', filter.phase);
  if (filter.ownerId) base = base.where('p.ownerId', '=', filter.ownerId);
  if (filter.q) base = base.where('p.name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const projects = await base
    .select(['p.id', 'p.name', 'p.phase', 'p.ownerId', 'o.name as ownerName', 'p.periodStart', 'p.periodEnd'])
    .select((eb) =>
      eb
        .selectFrom('escalations as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.projectId', '=', 'p.id')
        .where('e.acknowledgedAt', 'is', null)
        .as('openEscalations'),
    )
    .orderBy('p.createdAt', 'desc')
    .orderBy('p.id')
    .limit(maxListedProjects)
    .execute();
  if (projects.length === 0) return { total: 0, rows: [] };

  const ids = projects.map((p) => p.id);
  const goals = await db
    .selectFrom('goals')
    .distinctOn('projectId')
    .selectAll()
    .where('projectId', 'in', ids)
    .orderBy('projectId')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const actuals = new Map<string, string>();
  if (goals.length > 0) {
    const wanted = goals.map((g) => ({
      projectId: g.projectId,
      metric: goalRowKpiMetric(g),
      latest: metricAggregation(g.metric) === 'latest',
      from: g.periodStart,
      until: g.periodEnd < now ? g.periodEnd : now,
    }));
    const rows = await sql<{ projectId: string; total: string | null; latest: string | null }>`
      select w.project_id,
             sum(k.value) as total,
             (array_agg(k.value order by k.reported_at desc, k.id desc))[1] as latest
      from (values ${sql.join(wanted.map((w) => sql`(${w.projectId}::uuid, ${w.metric}, ${w.from}::timestamptz, ${w.until}::timestamptz)`))}) as w(project_id, metric, from_at, until_at)
      left join kpi_reports k on k.project_id = w.project_id and k.metric = w.metric and k.reported_at >= w.from_at and k.reported_at <= w.until_at
      group by w.project_id`.execute(db);
    for (const row of rows.rows) {
      const w = wanted.find((x) => x.projectId === row.projectId)!;
      const value = w.latest ? row.latest : row.total;
      if (value !== null) actuals.set(row.projectId, value);
    }
  }
  const goalOf = new Map(goals.map((g) => [g.projectId, g]));
  const rows = projects
    .map((p): ProjectListRow => {
      const goal = goalOf.get(p.id);
      const actual = actuals.get(p.id) ?? goal?.baseline ?? undefined;
      const progress =
        goal && actual !== undefined
          ? assessProgress({ actual, target: goal.target, direction: goal.direction, start: goal.periodStart, due: goal.periodEnd, at: now < goal.periodEnd ? now : goal.periodEnd })
          : null;
      return {
        id: p.id,
        name: p.name,
        phase: p.phase,
        ownerId: p.ownerId,
        ownerName: p.ownerName,
        periodStart: p.periodStart.toISOString(),
        periodEnd: p.periodEnd.toISOString(),
        attainmentPct: progress ? Math.round(progress.finalAttainmentPercent * 100) / 100 : null,
        status: progress?.status ?? null,
        openEscalations: Number(p.openEscalations ?? 0),
      };
    })
    .filter((row) => !filter.status || row.status === filter.status);
  return { total: rows.length, rows: rows.slice(filter.offset, filter.offset + filter.limit) };
}
