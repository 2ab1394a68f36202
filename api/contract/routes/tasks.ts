import { projectItemRoutes } from './project-items';
import { NewTaskBody, Task, TaskParams, TaskPatchBody, TaskQuery } from '../tasks';

export const taskRoutes = projectItemRoutes({
  tag: 'tasks',
  path: '/api/projects/{id}/tasks',
  itemPath: '/api/projects/{id}/tasks/{taskId}',
  params: TaskParams,
  item: Task,
  newBody: NewTaskBody,
  patchBody: TaskPatchBody,
  list: { summary: "The project's tasks, soonest due first; filter by status, assignee or milestone", answer: 'Tasks', body: Task.array(), query: TaskQuery },
  create: { summary: 'Add a task', answer: 'Created' },
  get: { summary: 'One task', answer: 'The task' },
  update: { summary: 'Change a task (title, assignee, due time, milestone, status)' },
  delete: { summary: 'Remove a task' },
});
