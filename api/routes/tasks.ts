import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { findProjectMilestone } from '../../db/queries/plan';
import { deleteTask, findTask, insertTask, listTasks, updateTask } from '../../db/queries/tasks';
import type { Task as TaskRow } from '../../db/schema';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { invalidFields, notFound } from '../errors';
import { inProject, requireUsers } from '../plan-guard';
import { createRouter } from '../router';
import { Task } from '../contract/tasks';
import * as routes from '../contract/routes/tasks';
import { bodyOf, toJson } from '../to-json';

const taskBody = bodyOf(Task);
export const taskDto = (t: TaskRow): z.infer<typeof Task> => taskBody(toJson(t));

async function requireReferences(trx: Db, projectId: string, refs: { assigneeId?: string | null | undefined; milestoneId?: string | null | undefined }) {
  await requireUsers(trx, [{ path: 'assigneeId', id: refs.assigneeId }]);
  if (refs.milestoneId && !(await findProjectMilestone(trx, projectId, refs.milestoneId))) {
    throw invalidFields([{ path: 'milestoneId', message: `no milestone with id ${refs.milestoneId} in this project` }]);
  }
}

/** Tasks are the team's day-to-day work: they can change in every phase. */
export function tasksRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(
      routes.listTasks,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        return c.json((await listTasks(db, id, c.req.valid('query'))).map(taskDto), 200);
      },
    )
    .openapi(
      routes.createTask,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editTasks', 'add tasks');
        const body = c.req.valid('json');
        const task = await inProject(db, id, async (trx) => {
          await requireReferences(trx, id, body);
          return insertTask(trx, { ...body, projectId: id });
        });
        return c.json(taskDto(task), 201);
      },
    )
    .openapi(
      routes.getTask,
      async (c) => {
        const { id, taskId } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const task = await findTask(db, id, taskId);
        if (!task) throw notFound('Task', taskId);
        return c.json(taskDto(task), 200);
      },
    )
    .openapi(
      routes.updateTask,
      async (c) => {
        const { id, taskId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editTasks', 'change its tasks');
        const patch = c.req.valid('json');
        const task = await inProject(db, id, async (trx) => {
          if (!(await findTask(trx, id, taskId))) throw notFound('Task', taskId);
          await requireReferences(trx, id, patch);
          return (await updateTask(trx, id, taskId, patch))!;
        });
        return c.json(taskDto(task), 200);
      },
    )
    .openapi(
      routes.deleteTask,
      async (c) => {
        const { id, taskId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editTasks', 'remove its tasks');
        await inProject(db, id, async (trx) => {
          if (!(await deleteTask(trx, id, taskId))) throw notFound('Task', taskId);
        });
        return c.body(null, 204);
      },
    );
}
