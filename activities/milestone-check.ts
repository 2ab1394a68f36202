import { ApplicationFailure } from '@temporalio/activity';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { findMilestone, recordMilestoneOutcome } from '../db/queries/projects';
import { sumKpi } from '../db/queries/kpi-reports';
import type { Clock } from './clock';

export interface MilestoneCheckResult {
  milestoneId: string;
  met: boolean;
  actual: string;
  target: string;
}

export function createMilestoneActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Compares the KPI total reported up to the due time with the target and records the
     * outcome. Re-running it gives the same answer, so retries are safe.
     */
    async checkMilestone(milestoneId: string): Promise<MilestoneCheckResult> {
      const milestone = await findMilestone(db, milestoneId);
      if (!milestone) {
        throw ApplicationFailure.create({
          type: 'MilestoneNotFound',
          message: `Milestone ${milestoneId} does not exist.`,
          nonRetryable: true,
        });
      }
      // A member's own milestone counts only their figures.
      const actual = await sumKpi(db, milestone.projectId, milestone.metric, milestone.dueAt, { memberId: milestone.memberId });
      // numeric comparison in PostgreSQL keeps it exact whatever the scale.
      const { rows } = await sql<{ met: boolean }>`select ${actual}::numeric >= ${milestone.targetValue}::numeric as met`.execute(db);
      const met = rows[0]?.met === true;
      await recordMilestoneOutcome(db, milestoneId, { status: met ? 'met' : 'missed', actual, checkedAt: clock.now() });
      return { milestoneId, met, actual, target: milestone.targetValue };
    },
  };
}
