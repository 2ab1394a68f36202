import { z } from 'zod';
import type { TriggerEvent } from './trigger-events';

/**
 * The context a flow run carries: what the trigger's event provides at the start, plus what steps
 * add on the way (see each node's `provides`). Templates (`{{milestone.name}}`) and rules
 * (`{"var": "milestone.attainmentPct"}`) may only use names listed here, so a typo is caught when
 * the flow is drawn rather than when a manager receives a message with a hole in it.
 */

export const variableTypes = ['text', 'number', 'date', 'boolean'] as const;

export const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, {
    message: 'A variable name is made of words joined by dots, like milestone.name.',
  });

export const variableDefSchema = z.strictObject({
  name: variableNameSchema,
  label: z.string().min(1),
  type: z.enum(variableTypes),
});
export type VariableDef = z.infer<typeof variableDefSchema>;

function v(name: string, label: string, type: VariableDef['type'] = 'text'): VariableDef {
  return { name, label, type };
}

/** Every run belongs to one project, whatever started it. */
export const projectVariables: readonly VariableDef[] = [
  v('project.id', 'Project id'),
  v('project.name', 'Project name'),
  v('project.phase', 'Project phase (planning, execution, …)'),
  v('project.owner.id', 'Project owner id'),
  v('project.owner.name', 'Project owner name'),
  v('project.owner.email', 'Project owner e-mail'),
  v('project.periodStart', 'Project period start', 'date'),
  v('project.periodEnd', 'Project period end', 'date'),
  v('project.attainmentPct', 'Overall attainment so far (%)', 'number'),
  v('budget.planned', 'Budget planned', 'number'),
  v('budget.spent', 'Budget spent', 'number'),
  v('budget.overrunPct', 'Budget overrun (%)', 'number'),
  v('event.occurredAt', 'When the triggering event happened', 'date'),
];

const milestoneVariables: readonly VariableDef[] = [
  v('milestone.id', 'Milestone id'),
  v('milestone.name', 'Milestone name'),
  v('milestone.metric', 'Milestone metric'),
  v('milestone.target', 'Milestone target', 'number'),
  v('milestone.actual', 'Milestone actual so far', 'number'),
  v('milestone.attainmentPct', 'Milestone attainment (%)', 'number'),
  v('milestone.dueAt', 'Milestone due', 'date'),
  v('milestone.owner.id', 'Milestone owner id'),
  v('milestone.owner.name', 'Milestone owner name'),
  v('milestone.member.id', 'Member whose share it is (id; empty for the project’s own milestone)'),
  v('milestone.member.name', 'Member whose share it is (empty for the project’s own milestone)'),
];

export const eventVariables: Record<TriggerEvent, readonly VariableDef[]> = {
  plan_submitted: [
    v('plan.submittedBy.id', 'Submitted by (id)'),
    v('plan.submittedBy.name', 'Submitted by'),
    v('plan.budgetTotal', 'Total planned budget', 'number'),
    v('plan.goalCount', 'Number of goals', 'number'),
    v('plan.milestoneCount', 'Number of milestones', 'number'),
  ],
  milestone_at_risk: [
    ...milestoneVariables,
    v('milestone.expectedPct', 'Expected attainment by now (%)', 'number'),
    v('milestone.daysToDue', 'Days until due', 'number'),
  ],
  milestone_missed: [...milestoneVariables, v('milestone.daysOverdue', 'Days overdue', 'number')],
  change_requested: [
    v('change.id', 'Change request id'),
    v('change.subject', 'What is changed (goal or milestone name)'),
    v('change.field', 'Changed field (target or due date)'),
    v('change.before', 'Value before'),
    v('change.after', 'Value after'),
    v('change.deltaPct', 'Change (%)', 'number'),
    v('change.reason', 'Reason given'),
    v('change.requestedBy.id', 'Requested by (id)'),
    v('change.requestedBy.name', 'Requested by'),
  ],
  kpi_threshold_crossed: [
    v('kpi.metric', 'KPI metric'),
    v('kpi.goal', 'The goal (or funnel stage) whose attainment is tracked'),
    v('kpi.before', 'Attainment before the report (%)', 'number'),
    v('kpi.after', 'Attainment after the report (%)', 'number'),
    v('kpi.value', 'Attainment after the report (%), as kpi.after', 'number'),
    v('kpi.threshold', 'Threshold crossed', 'number'),
    v('kpi.businessDaysLeft', "Business days left in the goal's period", 'number'),
    v('kpi.direction', 'Crossed upwards or downwards'),
    v('kpi.reportedBy.name', 'Reported by'),
    v('kpi.reportedAt', 'Reported at', 'date'),
  ],
  project_closed: [
    v('project.outcome', 'Outcome (won, lost, cancelled, completed)'),
    v('project.closedAt', 'Closed at', 'date'),
  ],
  schedule: [v('schedule.firedAt', 'Scheduled time', 'date')],
  forecast_below_threshold: [
    v('forecast.subjectKind', 'What is forecast (goal, allocation or milestone)'),
    v('forecast.subjectId', 'Id of the goal, allocation or milestone'),
    v('forecast.subject', 'Name of the goal, allocation or milestone'),
    v('forecast.metric', 'KPI metric'),
    v('forecast.owner.id', 'Whose it is (id): the milestone owner, the member, or the project owner for a goal'),
    v('forecast.owner.name', 'Whose it is: the milestone owner, the member, or the project owner for a goal'),
    v('forecast.dueAt', 'Due', 'date'),
    v('forecast.value', 'Forecast value at the due date', 'number'),
    v('forecast.low', 'Low end of the forecast range', 'number'),
    v('forecast.high', 'High end of the forecast range', 'number'),
    v('forecast.percentOfPlan', 'Forecast as % of the plan at the due date', 'number'),
    v('forecast.threshold', 'Threshold it fell below (%)', 'number'),
    v('forecast.plannedAtDue', 'Planned by the due date', 'number'),
    v('forecast.plannedByNow', 'Planned by now', 'number'),
    v('forecast.actualByNow', 'Reached by now', 'number'),
    v('forecast.pace', 'Pace against plan (1 = on plan)', 'number'),
    v('forecast.method', 'Forecast method'),
    v('forecast.reportedBy.name', 'Reported by'),
    v('forecast.reportedAt', 'Reported at', 'date'),
  ],
  training_overdue: [
    v('training.id', 'Training item id'),
    v('training.topic', 'Training topic'),
    v('training.kind', 'Kind (internal, external, mentoring)'),
    v('training.trainer', 'Trainer or mentor'),
    v('training.date', 'Training date', 'date'),
    v('training.budgetLine', 'Budget line of its cost'),
    v('training.cost', 'Training cost', 'number'),
    v('training.attendeeCount', 'Number of attendees', 'number'),
    v('training.incompleteCount', 'Attendees who have not completed it', 'number'),
    v('training.incompleteNames', 'Who has not completed it'),
    v('training.daysOverdue', 'Days overdue', 'number'),
  ],
  incentive_earned: [
    v('payout.id', 'Payout id'),
    v('payout.amount', 'Amount of this payout', 'number'),
    v('payout.earnedTotal', "The member's earnings so far, this payout included", 'number'),
    v('payout.commission', 'Commission so far (after the cap)', 'number'),
    v('payout.bonuses', 'Bonuses so far', 'number'),
    v('payout.attainmentPct', 'Attainment of the quota (%)', 'number'),
    v('payout.quota', "The member's quota", 'number'),
    v('payout.member.id', 'Member (id)'),
    v('payout.member.name', 'Member'),
    v('payout.asOf', 'Earned as of', 'date'),
  ],
};

/** Everything a run started by `event` knows from its first step on. */
export function variablesForEvent(event: TriggerEvent): readonly VariableDef[] {
  return [...projectVariables, ...eventVariables[event]];
}

/** The person a notification is being rendered for; known inside every message, whatever the event. */
export const recipientVariables: readonly VariableDef[] = [
  v('recipient.name', 'Name of the person receiving the message'),
];
