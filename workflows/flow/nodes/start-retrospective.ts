import { z } from 'zod';
import { defineNode, inPort, requiredOutput } from '../node-def';

export const startRetrospectiveConfigSchema = z.strictObject({});
export type StartRetrospectiveConfig = z.infer<typeof startRetrospectiveConfigSchema>;

export const startRetrospective = defineNode({
  kind: 'start_retrospective',
  label: 'Start retrospective',
  help: 'Starts the project’s closing review. A project only ever gets one, so running this twice does nothing more.',
  icon: 'messages-square',
  category: 'actions',
  config: startRetrospectiveConfigSchema,
  defaults: {},
  inputs: [inPort],
  outputs: () => [requiredOutput('next', 'Then')],
  waits: false,
  provides: () => [{ name: 'retrospective.id', label: 'Retrospective id', type: 'text' }],
});
