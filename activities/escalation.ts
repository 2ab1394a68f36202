import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db/connect';
import { acknowledgeEscalationOnce, findEscalation, insertEscalationOnce } from '../db/queries/escalations';
import { insertInboxItemOnce } from '../db/queries/inbox';
import { findMilestone, findProject } from '../db/queries/projects';
import { findManagerAbove } from '../db/queries/users';
import type { Clock } from './clock';

export interface EscalateInput {
  milestoneId: string;
  level: number;
  reason: { actual: string; target: string };
}

export interface EscalationCreated {
  escalationId: string;
  recipientId: string;
  level: number;
}

export function createEscalationActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Escalates a missed milestone to the manager `level` steps above its owner: one escalation
     * row and one inbox item, both written at most once. Returns null past the top of the chart.
     */
    async escalateMilestone(input: EscalateInput): Promise<EscalationCreated | null> {
      const milestone = await findMilestone(db, input.milestoneId);
      if (!milestone) {
        throw ApplicationFailure.create({ type: 'MilestoneNotFound', message: `Milestone ${input.milestoneId} does not exist.`, nonRetryable: true });
      }
      const project = await findProject(db, milestone.project_id);
      const recipient = await findManagerAbove(db, milestone.owner_id, input.level);
      if (!recipient || !project) return null;
      const escalation = await db.transaction().execute(async (trx) => {
        const { escalation } = await insertEscalationOnce(trx, {
          projectId: milestone.project_id,
          milestoneId: milestone.id,
          level: input.level,
          recipientId: recipient.id,
        });
        await insertInboxItemOnce(trx, {
          userId: recipient.id,
          kind: 'escalation',
          dedupeKey: `escalation:${escalation.id}`,
          payload: {
            escalationId: escalation.id,
            projectId: project.id,
            projectName: project.name,
            milestoneId: milestone.id,
            milestoneName: milestone.name,
            level: input.level,
            dueAt: milestone.due_at.toISOString(),
            target: input.reason.target,
            actual: input.reason.actual,
          },
        });
        return escalation;
      });
      return { escalationId: escalation.id, recipientId: escalation.recipient_id, level: escalation.level };
    },

    async recordAcknowledgement(input: { escalationId: string; userId: string }): Promise<{ acknowledgedAt: string }> {
      const escalation = await findEscalation(db, input.escalationId);
      if (!escalation) {
        throw ApplicationFailure.create({ type: 'EscalationNotFound', message: `Escalation ${input.escalationId} does not exist.`, nonRetryable: true });
      }
      const acknowledged = await db.transaction().execute(async (trx) => {
        const row = await acknowledgeEscalationOnce(trx, input.escalationId, input.userId, clock.now());
        await trx
          .updateTable('inbox_items')
          .set({ read_at: row.acknowledged_at })
          .where('dedupe_key', '=', `escalation:${row.id}`)
          .where('read_at', 'is', null)
          .execute();
        return row;
      });
      return { acknowledgedAt: acknowledged.acknowledged_at!.toISOString() };
    },
  };
}
