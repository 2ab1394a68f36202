import { z } from 'zod';
import type { VariableDef } from '../context-variables';
import { defineNode, inPort, requiredOutput } from '../node-def';

export const escalateConfigSchema = z.strictObject({});
export type EscalateConfig = z.infer<typeof escalateConfigSchema>;

export const escalationVariables: readonly VariableDef[] = [
  { name: 'escalation.level', label: 'Escalation level (1 = owner’s manager)', type: 'number' },
  { name: 'escalation.recipient.id', label: 'Escalated to (id)', type: 'text' },
  { name: 'escalation.recipient.name', label: 'Escalated to', type: 'text' },
];

/**
 * Escalate only moves the matter up and records it; the step after it (a wait for
 * acknowledgement or a notification to "the person the latest escalation reached") tells that
 * person, so nobody gets two messages for one escalation.
 */
export const escalate = defineNode({
  kind: 'escalate',
  label: 'Escalate',
  help: 'Moves the matter one level up the org chart (the first time to the project owner’s manager) and records the escalation. Follow it with a step addressed to "the person the latest escalation reached".',
  icon: 'arrow-up-circle',
  category: 'people',
  config: escalateConfigSchema,
  defaults: {},
  inputs: [inPort],
  outputs: () => [
    requiredOutput('next', 'Then'),
    // Optional: at the top of the chart the flow may simply stop, as escalations always have.
    { id: 'top_reached', label: 'Nobody higher up', required: false },
  ],
  waits: false,
  provides: () => escalationVariables,
});
