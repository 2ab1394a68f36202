import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { findProjectMilestone } from '../../db/queries/plan';
import { deleteTask, findTask, insertTask, listTasks, updateTask } from '../../db/queries/tasks';
import type { Task as TaskRow } from '../../db/schema';
import type { AppDeps } from '../deps';
import { fieldDetail, invalidFields } from '../errors';
import { requireUsers } from '../plan-guard';
import { projectItemsRouter } from './project-items';
import { Task } from '../contract/tasks';
import { taskRoutes } from '../contract/routes/tasks';
import { bodyOf, toJson } from '../to-json';

const taskBody = bodyOf(Task);
export const taskDto = (t: TaskRow): z.infer<typeof Task> => taskBody(toJson(t));

async function requireReferences(trx: Db, projectId: string, refs: { assigneeId?: string | null | undefined; milestoneId?: string | null | undefined }) {
  await requireUsers(trx, [{ path: 'assigneeId', id: refs.assigneeId }]);
  if (refs.milestoneId && !(await findProjectMilestone(trx, projectId, refs.milestoneId))) {
    throw invalidFields([fieldDetail('milestoneId', 'field.noMilestoneInProject', { id: refs.milestoneId })]);
  }
}

/** Tasks are the team's day-to-day work: they can change in every phase. */
export function tasksRouter(deps: AppDeps) {
  return projectItemsRouter(deps, {
    routes: taskRoutes,
    noun: 'task',
    itemId: 'taskId',
    may: { create: ['editTasks', 'add tasks'], update: ['editTasks', 'change its tasks'], delete: ['editTasks', 'remove its tasks'] },
    list: async (db, projectId, query) => (await listTasks(db, projectId, query)).map(taskDto),
    find: findTask,
    toDto: taskDto,
    insert: async (trx, project, body) => {
      await requireReferences(trx, project.id, body);
      return insertTask(trx, { ...body, projectId: project.id });
    },
    update: async (trx, project, current, patch) => {
      await requireReferences(trx, project.id, patch);
      return (await updateTask(trx, project.id, current.id, patch))!;
    },
    remove: deleteTask,
  });
}
