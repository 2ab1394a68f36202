import { z } from 'zod';
import type { DiagnosticPhrase } from './diagnostic';

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
    z.strictObject({ kind: z.literal('user'), userId: userIdSchema.meta({ title: 'Person' }) }),
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

/**
 * How each rule reads inside a sentence. `{levels}`, `{role}` and `{count}` are filled in; the
 * message catalogs (workflows/i18n, namespace flowCatalog) take their English from here.
 */
export const peopleRuleWording = {
  projectOwner: 'the project owner',
  ownerManager: "the project owner's manager",
  managerAbove: 'the manager {levels} levels above the project owner',
  role: 'everyone with the role "{role}"',
  team: 'the chosen team',
  person: 'the chosen person',
  people: 'the {count} chosen people',
  escalationRecipient: 'the person the latest escalation reached',
} as const;
export type PeopleRuleWording = keyof typeof peopleRuleWording;

/** Which wording a rule takes, and the values it is filled with. */
export function peopleRuleWordingOf(rule: PeopleRule): { key: PeopleRuleWording; values: Record<string, string | number> } {
  switch (rule.kind) {
    case 'project_owner':
      return { key: 'projectOwner', values: {} };
    case 'owner_manager':
      return { key: 'ownerManager', values: {} };
    case 'manager_levels_up':
      return rule.levels === 1 ? { key: 'ownerManager', values: {} } : { key: 'managerAbove', values: { levels: rule.levels } };
    case 'manager_chain':
      return rule.level === 1 ? { key: 'ownerManager', values: {} } : { key: 'managerAbove', values: { levels: rule.level } };
    case 'role':
      return { key: 'role', values: { role: rule.role } };
    case 'team':
      return { key: 'team', values: {} };
    case 'user':
      return { key: 'person', values: {} };
    case 'users':
      return rule.userIds.length === 1 ? { key: 'person', values: {} } : { key: 'people', values: { count: rule.userIds.length } };
    case 'escalation_recipient':
      return { key: 'escalationRecipient', values: {} };
  }
}

/** Each wording as a phrase of the flowDiagnostics catalog, which names the rules inside its sentences. */
export const diagnosticPhrases = {
  projectOwner: 'rule_project_owner',
  ownerManager: 'rule_owner_manager',
  managerAbove: 'rule_manager_above',
  role: 'rule_role',
  team: 'rule_team',
  person: 'rule_user',
  people: 'rule_users',
  escalationRecipient: 'rule_escalation_recipient',
} as const satisfies Record<PeopleRuleWording, DiagnosticPhrase['phrase']>;

/** A rule as a phrase of the flowDiagnostics catalog, to be read in any language. */
export function peopleRulePhrase(rule: PeopleRule): DiagnosticPhrase {
  const { key, values } = peopleRuleWordingOf(rule);
  return Object.keys(values).length === 0 ? { phrase: diagnosticPhrases[key] } : { phrase: diagnosticPhrases[key], params: values };
}
