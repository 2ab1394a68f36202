import { z } from 'zod';
import { defineNode, inPort, requiredOutput } from '../node-def';

export const parallelJoinConfigSchema = z.strictObject({});
export type ParallelJoinConfig = z.infer<typeof parallelJoinConfigSchema>;

export const parallelJoin = defineNode({
  kind: 'parallel_join',
  label: 'Parallel join',
  help: 'Waits until every branch arriving here has finished, then goes on once.',
  icon: 'merge',
  category: 'logic',
  config: parallelJoinConfigSchema,
  defaults: {},
  inputs: [inPort],
  outputs: () => [requiredOutput('next', 'Then')],
  waits: false,
  joinsAll: true,
});
