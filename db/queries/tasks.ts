import type { Db } from '../connect';
import type { NewTask, Task, TaskUpdate } from '../schema';
import type { TaskStatus } from '../../workflows/domain';

export async function insertTask(db: Db, task: NewTask): Promise<Task> {
  return db.insertInto('tasks').values(task).returningAll().executeTakeFirstOrThrow();
}

export async function findTask(db: Db, projectId: string, id: string): Promise<Task | undefined> {
  return db.selectFrom('tasks').selectAll().where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
}

export async function listTasks(
  db: Db,
  projectId: string,
  filter: { status?: TaskStatus | undefined; assigneeId?: string | undefined; milestoneId?: string | undefined } = {},
): Promise<Task[]> {
  let query = db.selectFrom('tasks').selectAll().where('projectId', '=', projectId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.assigneeId) query = query.where('assigneeId', '=', filter.assigneeId);
  if (filter.milestoneId) query = query.where('milestoneId', '=', filter.milestoneId);
  // Undated tasks last: they are the ones nobody has scheduled yet.
  return query.orderBy('dueAt', (ob) => ob.asc().nullsLast()).orderBy('createdAt').orderBy('id').execute();
}

export async function updateTask(db: Db, projectId: string, id: string, changes: TaskUpdate): Promise<Task | undefined> {
  return db.updateTable('tasks').set(changes).where('projectId', '=', projectId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteTask(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('tasks').where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A task made from something else (e.g. a review's action item), at most once per `dedupeKey`. */
export async function insertTaskOnce(db: Db, task: NewTask & { dedupeKey: string }): Promise<void> {
  await db.insertInto('tasks').values(task).onConflict((oc) => oc.column('dedupeKey').doNothing()).execute();
}

export async function getTaskIdByDedupeKey(db: Db, dedupeKey: string): Promise<string> {
  return (await db.selectFrom('tasks').select('id').where('dedupeKey', '=', dedupeKey).executeTakeFirstOrThrow()).id;
}
