import { z } from '@hono/zod-openapi';
import { taskStatuses } from '../../workflows/domain';
import { Timestamp, Uuid, projectItemParams, patchBodyOf, Name } from './common';

const taskFields = {
  title: Name(500),
  assigneeId: Uuid.nullable(),
  dueAt: Timestamp.nullable(),
  milestoneId: Uuid.nullable(),
  status: z.enum(taskStatuses),
};

export const NewTaskBody = z
  .strictObject({
    title: taskFields.title,
    assigneeId: taskFields.assigneeId.optional(),
    dueAt: taskFields.dueAt.optional(),
    milestoneId: taskFields.milestoneId.optional(),
    status: taskFields.status.default('open'),
  })
  .openapi('NewTask');

export const TaskPatchBody = patchBodyOf(taskFields).openapi('TaskPatch');

export const TaskParams = projectItemParams('taskId');

export const TaskQuery = z.strictObject({
  status: z.enum(taskStatuses).optional(),
  assigneeId: Uuid.optional(),
  milestoneId: Uuid.optional(),
});

export const Task = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    assigneeId: z.string().nullable(),
    dueAt: z.string().nullable(),
    milestoneId: z.string().nullable(),
    status: z.enum(taskStatuses),
    createdAt: z.string(),
  })
  .openapi('Task');

export type Task = z.infer<typeof Task>;
