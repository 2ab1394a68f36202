import { z } from 'zod';

/**
 * Who receives a message, must acknowledge, or must approve. Rules are resolved against the org
 * chart when the step runs; a rule that can come up empty (nobody in the role, no manager above
 * the top of the chart) names a fallback so that no step ever waits for nobody.
 */

export const userIdSchema = z.uuid({ message: 'This must be a person chosen from the list (a user id).' });
export const teamIdSchema = z.uuid({ message: 'This must be a team chosen from the list (a team id).' });
export const roleNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, { message: 'A role name is lower-case letters, digits and underscores, like sales_director.' });

export const fallbackSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('project_owner') }),
    z.strictObject({ kind: z.literal('user'), userId: userIdSchema }),
  ])
  .meta({ title: 'If nobody is found', description: 'Who takes over when the rule finds no active person.' });
export type Fallback = z.infer<typeof fallbackSchema>;

const fallback = { fallback: fallbackSchema.optional() };
const levelsSchema = z.int().min(1).max(10);

export const recipientRuleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('project_owner'), ...fallback }),
    z.strictObject({ kind: z.literal('owner_manager'), ...fallback }),
    z.strictObject({ kind: z.literal('manager_levels_up'), levels: levelsSchema.meta({ title: 'Levels up' }), ...fallback }),
    z.strictObject({ kind: z.literal('role'), role: roleNameSchema.meta({ title: 'Role' }), ...fallback }),
    z.strictObject({ kind: z.literal('team'), teamId: teamIdSchema.meta({ title: 'Team' }), ...fallback }),
    z.strictObject({ kind: z.literal('user'), userId: userIdSchema.meta({ title: 'Person' }), ...fallback }),
    // Whoever the latest Escalate step reached: lets one wait step serve every escalation level.
    z.strictObject({ kind: z.literal('escalation_recipient'), ...fallback }),
  ])
  .meta({ title: 'Recipient' });
export type RecipientRule = z.infer<typeof recipientRuleSchema>;

export const approverRuleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('manager_chain'), level: levelsSchema.meta({ title: 'Manager level (1 = the owner’s manager)' }), ...fallback }),
    z.strictObject({ kind: z.literal('role'), role: roleNameSchema.meta({ title: 'Role' }), ...fallback }),
    z.strictObject({ kind: z.literal('users'), userIds: z.array(userIdSchema).min(1).max(20).meta({ title: 'People' }), ...fallback }),
  ])
  .meta({ title: 'Approvers' });
export type ApproverRule = z.infer<typeof approverRuleSchema>;

export type PeopleRule = RecipientRule | ApproverRule;

/**
 * Rules that name people directly, or the owner every project has, cannot come up empty by their
 * nature; the rest depend on the org chart at run time. The API can know better (it can look at
 * the database), which is why validation lets it override this.
 */
export function alwaysResolves(rule: PeopleRule): boolean {
  switch (rule.kind) {
    case 'project_owner':
    case 'user':
    case 'users':
    case 'escalation_recipient':
      return true;
    case 'owner_manager':
    case 'manager_levels_up':
    case 'manager_chain':
    case 'role':
    case 'team':
      return false;
  }
}

/** The context variables a rule needs at run time. */
export function peopleRuleVariables(rule: PeopleRule): string[] {
  return rule.kind === 'escalation_recipient' ? ['escalation.recipient.id'] : [];
}

/** "the project owner's manager": for diagnostics and summaries on the canvas. */
export function describePeopleRule(rule: PeopleRule): string {
  switch (rule.kind) {
    case 'project_owner':
      return 'the project owner';
    case 'owner_manager':
      return "the project owner's manager";
    case 'manager_levels_up':
      return rule.levels === 1 ? "the project owner's manager" : `the manager ${rule.levels} levels above the project owner`;
    case 'manager_chain':
      return rule.level === 1 ? "the project owner's manager" : `the manager ${rule.level} levels above the project owner`;
    case 'role':
      return `everyone with the role "${rule.role}"`;
    case 'team':
      return 'the chosen team';
    case 'user':
      return 'the chosen person';
    case 'users':
      return rule.userIds.length === 1 ? 'the chosen person' : `the ${rule.userIds.length} chosen people`;
    case 'escalation_recipient':
      return 'the person the latest escalation reached';
  }
}
