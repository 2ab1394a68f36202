import { z } from 'zod';
import { defineNode, inPort } from '../node-def';

/** What a finished run reports to whoever started it (the plan approval tells the project its fate). */
export const flowResults = ['done', 'approved', 'rejected'] as const;
export type FlowResult = (typeof flowResults)[number];

export const endConfigSchema = z.strictObject({
  result: z.enum(flowResults).meta({ title: 'Result', description: 'What the flow reports back when it ends here.' }),
});
export type EndConfig = z.infer<typeof endConfigSchema>;

export const end = defineNode({
  kind: 'end',
  label: 'End',
  help: 'Ends this path of the flow and reports its result.',
  icon: 'circle-stop',
  category: 'end',
  config: endConfigSchema,
  defaults: { result: 'done' },
  inputs: [inPort],
  outputs: () => [],
  waits: false,
});
