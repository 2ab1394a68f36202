import { z } from 'zod';
import { durationSchema } from '../duration';
import { defineNode, inPort, requiredOutput } from '../node-def';
import { recipientRuleSchema } from '../people-rule';

export const createTaskConfigSchema = z.strictObject({
  title: z.string().min(1).max(200).meta({ title: 'Task title', description: 'May use {{variables}}.' }),
  description: z.string().max(4000).optional().meta({ title: 'Description' }),
  assignee: recipientRuleSchema.meta({ title: 'Assign to' }),
  dueIn: durationSchema.meta({ title: 'Due in' }),
});
export type CreateTaskConfig = z.infer<typeof createTaskConfigSchema>;

export const createTask = defineNode({
  kind: 'create_task',
  label: 'Create task',
  help: 'Adds a task to the project, assigned to a person, due some time after this step runs.',
  icon: 'list-todo',
  category: 'actions',
  config: createTaskConfigSchema,
  defaults: {
    title: 'Follow up on {{project.name}}',
    assignee: { kind: 'project_owner' },
    dueIn: { amount: 3, unit: 'business_days' },
  },
  inputs: [inPort],
  outputs: () => [requiredOutput('next', 'Then')],
  waits: false,
  provides: () => [
    { name: 'task.id', label: 'Created task id', type: 'text' },
    { name: 'task.title', label: 'Created task title', type: 'text' },
  ],
  uses: (config) => ({
    templates: [
      { field: 'title', text: config.title },
      ...(config.description === undefined ? [] : [{ field: 'description', text: config.description }]),
    ],
    people: [{ field: 'assignee', rule: config.assignee }],
  }),
});
