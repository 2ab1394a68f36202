import { z } from 'zod';
import { defineNode, inPort, requiredOutput } from '../node-def';
import { ruleSchema } from '../rule';

export const conditionConfigSchema = z.strictObject({
  rule: ruleSchema.meta({ title: 'Rule', description: 'A JSON Logic rule on the context, for example attainment below 80 %.' }),
});
export type ConditionConfig = z.infer<typeof conditionConfigSchema>;

export const condition = defineNode({
  kind: 'condition',
  label: 'Condition',
  help: 'Checks a rule on the project’s figures (attainment, budget overrun, days overdue…) and goes on along "yes" or "no".',
  icon: 'git-branch',
  category: 'logic',
  config: conditionConfigSchema,
  defaults: { rule: { '>': [{ var: 'budget.overrunPct' }, 10] } },
  inputs: [inPort],
  outputs: () => [requiredOutput('true', 'Yes'), requiredOutput('false', 'No')],
  waits: false,
  uses: (config) => ({ rules: [{ field: 'rule', rule: config.rule }] }),
});
