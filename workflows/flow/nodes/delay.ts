import { z } from 'zod';
import { durationSchema } from '../duration';
import { defineNode, inPort, requiredOutput } from '../node-def';

export const delayConfigSchema = z.strictObject({
  duration: durationSchema.meta({
    title: 'Wait for',
    description: 'Business hours and days follow the organisation’s working calendar.',
  }),
});
export type DelayConfig = z.infer<typeof delayConfigSchema>;

export const delay = defineNode({
  kind: 'delay',
  label: 'Delay',
  help: 'Waits for a while before going on, in calendar time or in working time.',
  icon: 'timer',
  category: 'timing',
  config: delayConfigSchema,
  defaults: { duration: { amount: 1, unit: 'business_days' } },
  inputs: [inPort],
  outputs: () => [requiredOutput('next', 'Then')],
  waits: true,
});
