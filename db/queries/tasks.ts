import type { Db } from '../connect';
import type { NewTask, Task, TaskUpdate } from '../schema';
import type { TaskStatus } from '../../workflows/domain';

export async function insertTask(db: Db, task: NewTask): Promise<Task> {
  return db.insertInto('tasks').values(task).returningAll().executeTakeFirstOrThrow();
}

export async function findTask(db: Db, projectId: string, id: string): Promise<Task | undefined> {
  return db.selectFrom('tasks').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
}

export async function listTasks(
  db: Db,
  projectId: string,
  filter: { status?: TaskStatus | undefined; assigneeId?: string | undefined; milestoneId?: string | undefined } = {},
): Promise<Task[]> {
  let query = db.selectFrom('tasks').selectAll().where('project_id', '=', projectId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
  if (filter.milestoneId) query = query.where('milestone_id', '=', filter.milestoneId);
  // Undated tasks last: they are the ones nobody has scheduled yet.
  return query.orderBy('due_at', (ob) => ob.asc().nullsLast()).orderBy('created_at').orderBy('id').execute();
}

export async function updateTask(db: Db, projectId: string, id: string, changes: TaskUpdate): Promise<Task | undefined> {
  return db.updateTable('tasks').set(changes).where('project_id', '=', projectId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteTask(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('tasks').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
