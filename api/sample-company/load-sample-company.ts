import type { Client } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { insertGoal } from '../../db/queries/goals';
import { insertKpiReport } from '../../db/queries/kpi-reports';
import { replaceProjectMembers } from '../../db/queries/members';
import { insertMilestones, insertProject } from '../../db/queries/projects';
import { listSampleRows, lockSampleCompany, recordSampleRows } from '../../db/queries/sample-company';
import { findUserByEmail, insertUser } from '../../db/queries/users';
import { listApprovalsOfApprover } from '../../db/queries/approvals';
import { submitPlanUpdate } from '../../workflows/sales-project-messages';
import { salesProjectWorkflowId } from '../../workflows/task-queue';
import { decide } from '../decide';
import { ApiError, said } from '../errors';
import { startLifecycle } from '../lifecycle';
import { annualPlan, annualTarget, pushPlan, sampleEmailOf, samplePeople, type SamplePersonKey } from './sample-plan';
import { sampleWords, type SampleWords } from './sample-words';
import type { Language } from '../../workflows/i18n';

export interface Temporal {
  client: Client;
  taskQueue: string;
}

/** How long loading waits for the annual plan's approval request to reach the person loading it. */
const approvalWaitMs = 30_000;

export interface LoadedSample {
  people: { id: string; name: string }[];
  projects: { id: string; name: string }[];
  /** Whether the annual plan was approved on the spot (so it is in execution), or still waits for its approver. */
  annualPlanApproved: boolean;
}

/**
 * Loads the sample company for `loaderId` (its head of sales reports to them): seven people on
 * three levels, the 5,000,000 annual plan in execution with its KPI reports and one milestone about
 * to be missed, and a second plan waiting for the loader's approval. Everything goes through the
 * queries and the lifecycle workflow real data uses, and is recorded so removal takes exactly it.
 */
export async function loadSampleCompany(db: Db, temporal: Temporal, loaderId: string, language: Language, now = new Date()): Promise<LoadedSample> {
  const words = sampleWords[language];
  const loaded = await db.transaction().execute(async (trx) => {
    await lockSampleCompany(trx);
    const existing = await listSampleRows(trx);
    if (existing.users.length + existing.projects.length > 0) {
      throw new ApiError(409, 'sample_loaded', said('sampleLoaded'));
    }
    const ids = new Map<SamplePersonKey, string>();
    const people: LoadedSample['people'] = [];
    for (const person of samplePeople) {
      const managerId = person.reportsTo === null ? loaderId : ids.get(person.reportsTo)!;
      if (await findUserByEmail(trx, sampleEmailOf(person.key))) {
        throw new ApiError(409, 'email_taken', said('sampleEmailTaken', { email: sampleEmailOf(person.key) }));
      }
      const user = await insertUser(trx, { name: words.people[person.key], email: sampleEmailOf(person.key), managerId, role: person.role, passwordHash: null });
      ids.set(person.key, user.id);
      people.push({ id: user.id, name: user.name });
    }
    const idOf = (key: SamplePersonKey) => ids.get(key)!;
    await recordSampleRows(trx, 'users', people.map((p) => p.id));

    const annual = await createAnnualPlan(trx, idOf, words, now);
    const push = await createPushPlan(trx, idOf, words, now);
    await recordSampleRows(trx, 'sales_projects', [annual.id, push.id]);
    // The lifecycles start inside the transaction, as for a project made through the API: if the
    // engine refuses, nothing is written.
    await startLifecycle(temporal.client, temporal.taskQueue, annual.id);
    await startLifecycle(temporal.client, temporal.taskQueue, push.id);
    return { people, projects: [annual, push], headId: idOf('head') };
  });

  // Both plans are submitted by their owner, so the bound plan-approval flow asks the owner's
  // manager (the loader). The annual plan is approved at once in the loader's name; the other waits.
  for (const project of loaded.projects) {
    await temporal.client.workflow.getHandle(salesProjectWorkflowId(project.id)).executeUpdate(submitPlanUpdate, { args: [{ userId: loaded.headId }] });
  }
  const annualPlanApproved = await approveWhenAsked(db, temporal.client, loaded.projects[0]!.id, loaderId, words.approvalComment);
  return { people: loaded.people, projects: loaded.projects, annualPlanApproved };
}

/** A project with one at-least goal over the project's whole period. */
async function insertProjectWithGoal(
  trx: Db,
  project: { name: string; ownerId: string; periodStart: Date; periodEnd: Date },
  goal: { metric: 'revenue' | 'new_customers'; unit: string; target: string },
) {
  const row = await insertProject(trx, { name: project.name, ownerId: project.ownerId, periodStart: project.periodStart, periodEnd: project.periodEnd });
  const goalRow = await insertGoal(trx, { projectId: row.id, ...goal, customName: null, direction: 'at_least', baseline: null, periodStart: project.periodStart, periodEnd: project.periodEnd });
  return { project: row, goal: goalRow };
}

async function createAnnualPlan(trx: Db, idOf: (key: SamplePersonKey) => string, words: SampleWords, now: Date) {
  const plan = annualPlan(now, words);
  const { project, goal } = await insertProjectWithGoal(trx, { name: words.annualPlanName, ownerId: idOf('head'), ...plan }, { metric: 'revenue', unit: words.revenueUnit, target: String(annualTarget) });
  await insertMilestones(
    trx,
    plan.milestones.map((m) => ({
      projectId: project.id,
      goalId: m.ofGoal ? goal.id : null,
      name: m.name,
      description: m.description,
      metric: 'revenue',
      targetValue: m.targetValue,
      targetKind: m.ofGoal ? 'cumulative' : 'period',
      periodStart: m.ofGoal ? plan.periodStart : m.periodStart,
      dueAt: m.dueAt,
      ownerId: idOf(m.owner),
      warningOffset: m.warningOffset ? JSON.stringify(m.warningOffset) : null,
      warningThresholdPct: m.warningThresholdPct,
    })),
  );
  for (const report of plan.reports) {
    await insertKpiReport(trx, { projectId: project.id, metric: 'revenue', value: report.value, reportedAt: report.reportedAt, reporterId: idOf(report.reporter) });
  }
  const team: SamplePersonKey[] = ['north', 'south', 'rita', 'ravi', 'sam', 'sara'];
  await replaceProjectMembers(trx, project.id, team.map((key) => ({ userId: idOf(key), role: 'member' })));
  return { id: project.id, name: project.name };
}

async function createPushPlan(trx: Db, idOf: (key: SamplePersonKey) => string, words: SampleWords, now: Date) {
  const plan = pushPlan(now, words);
  const { project, goal } = await insertProjectWithGoal(trx, { name: words.pushProjectName, ownerId: idOf('head'), ...plan }, { metric: 'new_customers', unit: words.customersUnit, target: plan.target });
  const { milestone } = plan;
  await insertMilestones(trx, [
    { projectId: project.id, goalId: goal.id, name: milestone.name, metric: 'new_customers', targetValue: milestone.targetValue, dueAt: milestone.dueAt, ownerId: idOf(milestone.owner), periodStart: plan.periodStart },
  ]);
  await replaceProjectMembers(trx, project.id, [{ userId: idOf('south'), role: 'member' }, { userId: idOf('sam'), role: 'member' }, { userId: idOf('sara'), role: 'member' }]);
  return { id: project.id, name: project.name };
}

/** Approves the plan's pending approval request in the loader's name once the flow has opened it; false if none came. */
async function approveWhenAsked(db: Db, client: Client, projectId: string, loaderId: string, comment: string): Promise<boolean> {
  const deadline = Date.now() + approvalWaitMs;
  while (Date.now() < deadline) {
    const request = (await listApprovalsOfApprover(db, loaderId, 'pending')).find((r) => r.projectId === projectId);
    if (request) {
      await decide(db, client, { requestId: request.id, userId: loaderId, decision: 'approve', comment });
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
