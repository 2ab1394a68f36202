import { allHandlersFinished, condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { escalateUntilAcknowledged, type OpenEscalations } from './escalate-until-acknowledged';
import {
  acknowledgeEscalationUpdate,
  stateQuery,
  type LifecyclePhase,
  type PendingCheck,
  type SalesProjectInput,
} from './sales-project-messages';

const { loadProjectPlan, checkMilestone, recordAcknowledgement, closeProject } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * One sales project's lifecycle. Each milestone sleeps on a durable timer until it is due, is
 * checked against the KPI reports, and a miss escalates up the org chart until acknowledged.
 */
export async function salesProject({ projectId }: SalesProjectInput): Promise<void> {
  let phase: LifecyclePhase = 'execution';
  const pending = new Map<string, PendingCheck>();
  const openEscalations: OpenEscalations = new Map();

  setHandler(stateQuery, () => ({
    phase,
    nextChecks: [...pending.values()].sort((a, b) => a.at.localeCompare(b.at)),
    openEscalations: [...openEscalations.values()],
  }));

  setHandler(
    acknowledgeEscalationUpdate,
    async ({ escalationId, userId }) => {
      const { acknowledgedAt } = await recordAcknowledgement({ escalationId, userId });
      // Someone owning the miss at any level settles the whole chain for that milestone.
      const milestoneId = openEscalations.get(escalationId)?.milestoneId;
      for (const [id, open] of openEscalations) if (open.milestoneId === milestoneId) openEscalations.delete(id);
      return { escalationId, acknowledgedAt };
    },
    {
      validator: ({ escalationId, userId }) => {
        const escalation = openEscalations.get(escalationId);
        if (!escalation) throw new Error(`Escalation ${escalationId} is not open on this project.`);
        if (escalation.recipientId !== userId) {
          throw new Error(`Only the escalation's recipient can acknowledge it.`);
        }
      },
    },
  );

  const plan = await loadProjectPlan(projectId);
  for (const m of plan.milestones) {
    if (m.status === 'pending') pending.set(m.milestoneId, { milestoneId: m.milestoneId, kind: 'due', at: m.dueAt });
  }

  const runMilestone = async (milestoneId: string, dueAt: string) => {
    await sleep(Math.max(0, Date.parse(dueAt) - Date.now()));
    const result = await checkMilestone(milestoneId);
    pending.delete(milestoneId);
    if (!result.met) await escalateUntilAcknowledged(openEscalations, result, plan.ackTimeoutMs);
  };

  const periodOver = async () => {
    await sleep(Math.max(0, Date.parse(plan.periodEnd) - Date.now()));
  };

  await Promise.all([...[...pending.values()].map((c) => runMilestone(c.milestoneId, c.at)), periodOver()]);
  phase = 'monitoring';
  await condition(() => openEscalations.size === 0);
  await condition(allHandlersFinished);
  await closeProject(projectId);
  phase = 'closed';
}
