import type { Db } from '../../db/connect';
import { findMilestone, getProjectOwnerId } from '../../db/queries/projects';
import { findManagerAbove } from '../../db/queries/users';
import type { TriggerEvent } from '../../workflows/flow/trigger-events';
import { personOf, type Person } from './people';

/**
 * Who an escalation of `level` reaches: the manager that many steps above the milestone's owner
 * for milestone events, above the project's owner otherwise; null when nobody is that high.
 */
export async function findEscalationTarget(
  db: Db,
  input: { projectId: string; event: TriggerEvent; subjectId: string; level: number },
): Promise<{ milestoneId: string | null; person: Person | null }> {
  const milestone =
    input.event === 'milestone_missed' || input.event === 'milestone_at_risk'
      ? await findMilestone(db, input.subjectId)
      : undefined;
  const baseId = milestone?.ownerId ?? (await getProjectOwnerId(db, input.projectId));
  const manager = await findManagerAbove(db, baseId, input.level);
  return { milestoneId: milestone?.id ?? null, person: manager ? personOf(manager) : null };
}
