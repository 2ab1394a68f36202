import { sql } from 'kysely';
import { calendarOrDefault } from '../../workflows/domain/milestone-schedule';
import { scheduleOfDocument, type BindingSchedule } from '../../workflows/flow/schedule-of';
import type { Db } from '../connect';
import type { LifecyclePhase } from '../../workflows/sales-project-messages';

/** A binding of a flow to the schedule event, with the newest published version's schedule. */
export interface ScheduleBinding {
  /** null = every project without a schedule binding of its own. */
  projectId: string | null;
  flowId: string;
  flowVersionId: string;
  /** Null when the newest version's trigger is not a valid schedule (then nothing fires). */
  schedule: BindingSchedule | null;
  /** The bound project's phase; null for a global binding. */
  projectPhase: LifecyclePhase | null;
}

/** Every schedule binding (or the one for `projectId`, null = the global one), newest version each. */
export async function listScheduleBindings(db: Db, only?: { projectId: string | null }): Promise<ScheduleBinding[]> {
  let query = db
    .selectFrom('flow_bindings as b')
    .innerJoin('flow_versions as v', 'v.flowId', 'b.flowId')
    .leftJoin('sales_projects as p', 'p.id', 'b.projectId')
    .distinctOn('b.id')
    .select(['b.projectId', 'b.flowId', 'v.id as versionId', 'v.document', 'p.phase', 'p.calendar'])
    .where('b.triggerEvent', '=', 'schedule');
  if (only) query = only.projectId === null ? query.where('b.projectId', 'is', null) : query.where('b.projectId', '=', only.projectId);
  const rows = await query.orderBy('b.id').orderBy(sql`v.version desc`).execute();
  return rows.map((row) => ({
    projectId: row.projectId,
    flowId: row.flowId,
    flowVersionId: row.versionId,
    schedule: scheduleOfDocument(row.document, calendarOrDefault(row.calendar).timeZone, row.projectId !== null),
    projectPhase: row.phase,
  }));
}

/** Projects a global schedule runs for: in one of `phases`, without a schedule binding of their own. */
export async function listProjectsForGlobalSchedule(db: Db, phases: readonly LifecyclePhase[]) {
  if (phases.length === 0) return [];
  return db
    .selectFrom('sales_projects as p')
    .select(['p.id', 'p.phase', 'p.calendar'])
    .where('p.phase', 'in', [...phases])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('flow_bindings as own').select('own.id').whereRef('own.projectId', '=', 'p.id').where('own.triggerEvent', '=', 'schedule'))),
    )
    .orderBy('p.id')
    .execute();
}
