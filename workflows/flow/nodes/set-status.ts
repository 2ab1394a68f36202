import { z } from 'zod';
import { defineNode, inPort, requiredOutput } from '../node-def';

/** Project health as shown on the dashboard; the lifecycle phase is not the flow's to change. */
export const projectHealths = ['on_track', 'at_risk', 'off_track'] as const;

export const setStatusConfigSchema = z.strictObject({
  status: z.enum(projectHealths).meta({ title: 'Set the project to' }),
  reason: z.string().max(1000).optional().meta({ title: 'Reason', description: 'Shown with the status; may use {{variables}}.' }),
});
export type SetStatusConfig = z.infer<typeof setStatusConfigSchema>;

export const setStatus = defineNode({
  kind: 'set_status',
  label: 'Set project status',
  help: 'Marks the project on track, at risk or off track, with an optional reason.',
  icon: 'flag',
  category: 'actions',
  config: setStatusConfigSchema,
  defaults: { status: 'at_risk' },
  inputs: [inPort],
  outputs: () => [requiredOutput('next', 'Then')],
  waits: false,
  uses: (config) => ({ templates: config.reason === undefined ? [] : [{ field: 'reason', text: config.reason }] }),
});
