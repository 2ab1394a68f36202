import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connect';
import { containing } from './containing';
import { readableBy, type ProjectReader } from './project-access';
import type { LifecyclePhase } from '../../workflows/sales-project-messages';
import { assessProgress, defaultRagThresholds, PERCENT_TOLERANCE, type RagStatus } from '../../workflows/domain/attainment';
import { goalMetrics, metricAggregation, type GoalDirection, type GoalMetric } from '../../workflows/domain/smart-goal';

/** The goal metrics whose reports add up (the others are levels: the latest report counts). */
const summedMetrics = goalMetrics.filter((metric) => metricAggregation(metric) === 'sum');

/** Where a page ends: the creation time of its last project (UTC, to the microsecond) and its id. */
export interface ProjectListPosition {
  at: string;
  id: string;
}

export interface ProjectListFilter {
  phase?: LifecyclePhase | undefined;
  ownerId?: string | undefined;
  q?: string | undefined;
  status?: RagStatus | undefined;
  /** Only the projects this person may read; undefined = all. */
  reader?: ProjectReader | undefined;
  limit: number;
  /** The page starts after this project; undefined = the first page. */
  after?: ProjectListPosition | undefined;
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

/**
 * `left join lateral … g`, `… a`: each project's first goal, and the figure its KPI reports give
 * over the goal's period up to `now` — the sum for what accumulates, the latest report for levels
 * (metricAggregation in workflows/domain/smart-goal.ts), the goal's baseline without reports.
 * Both read by index (goals_project_first_idx, kpi_reports_project_metric_time_idx).
 */
const goalAndActual = (now: Date) => sql`
  left join lateral (
    select g.metric, g.custom_name, g.direction, g.baseline, g.target, g.period_start, g.period_end,
           -- the metric name its reports carry, as goalKpiMetric (workflows/domain/smart-goal.ts) names it
           case when g.metric = 'custom' then coalesce(g.custom_name, 'custom') else g.metric end as kpi_metric,
           g.metric = any(${summedMetrics}::text[]) as summed
    from goals g where g.project_id = p.id order by g.created_at, g.id limit 1
  ) g on true
  left join lateral (
    select coalesce(
      case when g.summed
        then (select sum(k.value) from kpi_reports k
              where k.project_id = p.id and k.metric = g.kpi_metric and k.reported_at >= g.period_start and k.reported_at <= least(g.period_end, ${now}::timestamptz))
        else (select k.value from kpi_reports k
              where k.project_id = p.id and k.metric = g.kpi_metric and k.reported_at >= g.period_start and k.reported_at <= least(g.period_end, ${now}::timestamptz)
              order by k.reported_at desc, k.id desc limit 1)
      end,
      g.baseline) as actual
    offset 0 -- computed once a project, not again wherever the status reads it
  ) a on true`;

/**
 * `s.rag`: the RAG status of `a.actual` against goal `g` at `now`, as assessProgress (workflows/
 * domain/attainment.ts) decides it with the default thresholds: attainment of the target pro-rated
 * over the goal's period, from 0 up for at-least goals, from twice the target down for at-most ones.
 * Only the status filter uses it, in the database, so that pages of one status stay keyset pages;
 * the figures shown are assessProgress's own. The list's attainment test holds the two to the same answers.
 */
const ragStatusOf = (now: Date) => sql`
  left join lateral (
    select g.target * greatest(0, least(extract(epoch from least(${now}::timestamptz, g.period_end) - g.period_start), extract(epoch from g.period_end - g.period_start)))
             / extract(epoch from g.period_end - g.period_start) as expected
  ) e on true
  left join lateral (
    select case
      when a.actual is null then null
      when e.expected <= 0 then case when (g.direction = 'at_least' and a.actual >= e.expected) or (g.direction = 'at_most' and a.actual <= e.expected) then 100 else 0 end
      when g.direction = 'at_least' then a.actual * 100 / e.expected
      else (2 * e.expected - a.actual) * 100 / e.expected
    end as pct
  ) r on true
  left join lateral (
    select case
      when r.pct is null then null
      when r.pct + ${PERCENT_TOLERANCE} >= ${defaultRagThresholds.green} then 'green'
      when r.pct + ${PERCENT_TOLERANCE} >= ${defaultRagThresholds.warning} then 'amber'
      else 'red'
    end as rag
  ) s on true`;

/**
 * The first `limit + 1` of the ordered `candidates` whose status is `status`, the status computed
 * for each candidate in order until the page is full. (`coalesce(…)` rather than `s.rag = …`: the
 * planner then expects half the rows to match, not 1 in 200, and stops early instead of computing
 * the status of every candidate first.)
 */
const pageOfStatus = (status: RagStatus, candidates: RawBuilder<unknown>, limit: number, now: Date) => sql`
      select p.* from (${candidates}) p
      ${goalAndActual(now)} ${ragStatusOf(now)}
      where coalesce(s.rag = ${status}, false)
      order by p.created_at desc, p.id desc
      limit ${limit + 1}`;

export interface ProjectListQueryRow {
  id: string;
  name: string;
  phase: LifecyclePhase;
  ownerId: string;
  ownerName: string;
  periodStart: Date;
  periodEnd: Date;
  positionAt: string;
  goalMetric: GoalMetric | null;
  goalDirection: GoalDirection | null;
  goalTarget: string | null;
  goalStart: Date | null;
  goalEnd: Date | null;
  actual: string | null;
  /** When a KPI report dated after `now` starts to count and changes `actual`; null when none will. */
  actualChangesAt: Date | null;
  openEscalations: number;
}

/**
 * One page of the projects list, newest first, as one query: the page's projects picked by walking
 * an index in (created_at, id) order after `filter.after`, the visibility, phase, owner, name and
 * status filters checked on the way, then each one's owner, first goal, KPI figure and open
 * escalations by index. One row more than the page, to tell whether another page follows.
 * (Apart from readProjectListPage for the benchmark's EXPLAIN ANALYZE.)
 */
export function projectListQuery(filter: ProjectListFilter, now: Date): RawBuilder<ProjectListQueryRow> {
  const where: RawBuilder<unknown>[] = [];
  if (filter.reader) where.push(readableBy(filter.reader, 'p'));
  if (filter.phase) where.push(sql`p.phase = ${filter.phase}`);
  if (filter.ownerId) where.push(sql`p.owner_id = ${filter.ownerId}::uuid`);
  if (filter.q) where.push(sql`p.name ilike ${containing(filter.q)}`);
  if (filter.after) where.push(sql`(p.created_at, p.id) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`);
  const candidates = sql`
      select p.id, p.name, p.phase, p.owner_id, p.period_start, p.period_end, p.created_at from sales_projects p
      ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      order by p.created_at desc, p.id desc`;
  return sql<ProjectListQueryRow>`
    select p.id, p.name, p.phase, p.owner_id, o.name as owner_name, p.period_start, p.period_end,
           to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position_at,
           g.metric as goal_metric, g.direction as goal_direction, g.target as goal_target,
           g.period_start as goal_start, g.period_end as goal_end, a.actual,
           (select min(k.reported_at) from kpi_reports k
            where k.project_id = p.id and k.metric = g.kpi_metric and k.reported_at > ${now}::timestamptz
              and k.reported_at >= g.period_start and k.reported_at <= g.period_end) as actual_changes_at,
           (select count(*) from escalations x where x.project_id = p.id and x.acknowledged_at is null) as open_escalations
    from (${filter.status ? pageOfStatus(filter.status, candidates, filter.limit, now) : sql`${candidates} limit ${filter.limit + 1}`}) p
    join users o on o.id = p.owner_id
    ${goalAndActual(now)}
    order by p.created_at desc, p.id desc`;
}

/**
 * One page of the projects list as the query gives it (projectListQuery), before the figures that
 * depend on the moment of reading, with `until`: the time a KPI report dated after `now` starts to
 * count on it (Infinity when none will), until which its rows stay what the query would give.
 */
export async function readProjectListPage(db: Db, filter: ProjectListFilter, now: Date): Promise<{ rows: ProjectListQueryRow[]; next: ProjectListPosition | undefined; until: number }> {
  const result = await projectListQuery(filter, now).execute(db);
  const more = result.rows.length > filter.limit;
  const rows = more ? result.rows.slice(0, filter.limit) : result.rows;
  const last = rows.at(-1);
  const until = Math.min(Infinity, ...rows.map((row) => row.actualChangesAt?.getTime() ?? Infinity));
  return { rows, next: more && last ? { at: last.positionAt, id: last.id } : undefined, until };
}

/** A row as the list shows it at `now`: the figures of its first goal as assessProgress gives them. */
export function projectListRow(row: ProjectListQueryRow, now: Date): ProjectListRow {
  const progress =
    row.goalDirection && row.goalTarget !== null && row.goalStart && row.goalEnd && row.actual !== null
      ? assessProgress({ actual: row.actual, target: row.goalTarget, direction: row.goalDirection, start: row.goalStart, due: row.goalEnd, at: now < row.goalEnd ? now : row.goalEnd })
      : null;
  return {
    id: row.id,
    name: row.name,
    phase: row.phase,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    attainmentPct: progress ? Math.round(progress.finalAttainmentPercent * 100) / 100 : null,
    status: progress?.status ?? null,
    openEscalations: Number(row.openEscalations),
  };
}
