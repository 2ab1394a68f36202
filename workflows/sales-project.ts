import { condition, log, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { runBoundFlow } from './run-bound-flow';
import { stateQuery, type LifecyclePhase, type PendingCheck, type RunningFlow, type SalesProjectInput } from './sales-project-messages';

const { loadProjectPlan, checkMilestone, closeProject } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * One sales project's lifecycle. Each milestone sleeps on a durable timer until it is due and is
 * checked against the KPI reports; a miss runs the flow bound to "milestone missed" (by default
 * the seeded escalation flow) for that milestone.
 */
export async function salesProject({ projectId }: SalesProjectInput): Promise<void> {
  let phase: LifecyclePhase = 'execution';
  const pending = new Map<string, PendingCheck>();
  const running = new Map<string, RunningFlow>();

  setHandler(stateQuery, () => ({
    phase,
    nextChecks: [...pending.values()].sort((a, b) => a.at.localeCompare(b.at)),
    runningFlows: [...running.values()],
  }));

  const plan = await loadProjectPlan(projectId);
  for (const m of plan.milestones) {
    if (m.status === 'pending') pending.set(m.milestoneId, { milestoneId: m.milestoneId, kind: 'due', at: m.dueAt });
  }

  const runMilestone = async (milestoneId: string, dueAt: string) => {
    await sleep(Math.max(0, Date.parse(dueAt) - Date.now()));
    const result = await checkMilestone(milestoneId);
    pending.delete(milestoneId);
    if (result.met) return;
    const outcome = await runBoundFlow(running, { projectId, event: 'milestone_missed', subjectId: milestoneId, phase });
    if (!outcome) log.warn('No published flow is bound to "milestone missed"; nobody was told.', { projectId, milestoneId });
  };

  const periodOver = async () => {
    await sleep(Math.max(0, Date.parse(plan.periodEnd) - Date.now()));
  };

  await Promise.all([...[...pending.values()].map((c) => runMilestone(c.milestoneId, c.at)), periodOver()]);
  phase = 'monitoring';
  await condition(() => running.size === 0);
  await closeProject(projectId);
  phase = 'closed';
}
