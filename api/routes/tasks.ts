import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { findProjectMilestone } from '../../db/queries/plan';
import { deleteTask, findTask, insertTask, listTasks, updateTask } from '../../db/queries/tasks';
import type { Task as TaskRow } from '../../db/schema';
import { requireProjectAccess } from '../access/project-access';
import type { AppDeps } from '../deps';
import { invalidFields, notFound } from '../errors';
import { inProject, requireUsers } from '../plan-guard';
import { createRouter } from '../router';
import { Task } from '../contract/tasks';
import * as routes from '../contract/routes/tasks';

export const taskDto = (t: TaskRow): z.infer<typeof Task> => ({
  id: t.id,
  projectId: t.projectId,
  title: t.title,
  assigneeId: t.assigneeId,
  dueAt: t.dueAt?.toISOString() ?? null,
  milestoneId: t.milestoneId,
  status: t.status,
  createdAt: t.createdAt.toISOString(),
});

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
        await requireProjectAccess(db, c.get('principal'), id, 'work', 'add tasks');
        const body = c.req.valid('json');
        const task = await inProject(db, id, async (trx) => {
          await requireReferences(trx, id, body);
          return insertTask(trx, {
            projectId: id,
            title: body.title,
            assigneeId: body.assigneeId ?? null,
            dueAt: body.dueAt ?? null,
            milestoneId: body.milestoneId ?? null,
            status: body.status,
          });
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
        await requireProjectAccess(db, c.get('principal'), id, 'work', 'change its tasks');
        const patch = c.req.valid('json');
        const task = await inProject(db, id, async (trx) => {
          if (!(await findTask(trx, id, taskId))) throw notFound('Task', taskId);
          await requireReferences(trx, id, patch);
          return (await updateTask(trx, id, taskId, {
            title: patch.title,
            assigneeId: patch.assigneeId,
            dueAt: patch.dueAt,
            milestoneId: patch.milestoneId,
            status: patch.status,
          }))!;
        });
        return c.json(taskDto(task), 200);
      },
    )
    .openapi(
      routes.deleteTask,
      async (c) => {
        const { id, taskId } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'work', 'remove its tasks');
        await inProject(db, id, async (trx) => {
          if (!(await deleteTask(trx, id, taskId))) throw notFound('Task', taskId);
        });
        return c.body(null, 204);
      },
    );
}
