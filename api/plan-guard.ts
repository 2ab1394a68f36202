import type { Db } from '../db/connect';
import { lockProject } from '../db/queries/plan';
import type { SalesProject } from '../db/schema';
import { businessCalendarSchema, defaultBusinessCalendar, type BusinessCalendar } from '../workflows/domain';
import { fieldDetail, found, invalidFields, type ErrorDetail } from './errors';
import { requirePhase } from './access/project-actions';
import { findTeam } from '../db/queries/members';
import { findProject } from '../db/queries/projects';
import { existingUserIds } from '../db/queries/users';


/**
 * Runs `work` in one transaction that holds the project row, 404 when there is none. Anything
 * thrown inside rolls everything back, so a refused request writes nothing.
 */
export async function inProject<T>(db: Db, projectId: string, work: (trx: Db, project: SalesProject) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const project = found(await lockProject(trx, projectId), 'project', projectId);
    return work(trx, project);
  });
}

/**
 * A plan edit (goals, milestones, budget, risks, decomposition): only while the project is in
 * planning. The phase is read under the same lock as the edit, so a phase change cannot slip between.
 */
export async function editPlan<T>(db: Db, projectId: string, edit: (trx: Db, project: SalesProject) => Promise<T>): Promise<T> {
  return inProject(db, projectId, async (trx, project) => {
    requirePhase('editPlan', project);
    return edit(trx, project);
  });
}

export async function requireProject(db: Db, projectId: string): Promise<SalesProject> {
  const project = found(await findProject(db, projectId), 'project', projectId);
  return project;
}

/** Body fields that name people must name existing ones: reported as field errors (400), not 404s. */
export async function requireUsers(db: Db, refs: { path: string; id: string | null | undefined }[]): Promise<void> {
  const named = refs.filter((ref): ref is { path: string; id: string } => typeof ref.id === 'string');
  const ids = [...new Set(named.map((ref) => ref.id))];
  if (ids.length === 0) return;
  const found = await existingUserIds(db, ids);
  const missing: ErrorDetail[] = named.filter((ref) => !found.has(ref.id)).map((ref) => ({ path: ref.path, message: `no user with id ${ref.id}` }));
  if (missing.length > 0) throw invalidFields(missing);
}

export async function requireTeam(db: Db, path: string, id: string | null | undefined): Promise<void> {
  if (typeof id !== 'string') return;
  if (!(await findTeam(db, id))) {
    throw invalidFields([fieldDetail(path, 'field.noTeam', { id })]);
  }
}

/** The project's business calendar, the default one when none (or an unreadable one) is stored. */
export function calendarOf(project: Pick<SalesProject, 'calendar'>): BusinessCalendar {
  const parsed = businessCalendarSchema.safeParse(project.calendar ?? {});
  return parsed.success ? parsed.data : defaultBusinessCalendar;
}

/** Numbers in responses: percentages and display figures to two decimals. */
export { round2 } from '../workflows/domain/round2';
