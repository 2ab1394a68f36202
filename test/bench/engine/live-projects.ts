// Seeds live projects fast: the plan goes in with SQL (projects already in execution, twelve
// milestones each), and each project's lifecycle workflow is started through the client, as the
// API starts it, many at once. The workflow reads its plan from the database and sets its timers.
import type { Client } from '@temporalio/client';
import { startLifecycle } from '../../../api/lifecycle';
import type { Db } from '../../../db/connect';
import { stateQuery } from '../../../workflows/sales-project-messages';
import { salesProjectWorkflowId } from '../../../workflows/task-queue';
import { inParallel } from './figures';

export const MILESTONES_PER_PROJECT = 12;
const DAY_MS = 86_400_000;
const BATCH = 500;

/** A director, ten managers below and fifty reps below them: every rep's miss escalates to a manager. */
export async function seedSalesTeam(db: Db): Promise<string[]> {
  const director = await db.insertInto('users').values({ name: 'Dana Director', email: 'director@bench.test', role: 'manager' }).returning('id').executeTakeFirstOrThrow();
  const managers = await db
    .insertInto('users')
    .values(Array.from({ length: 10 }, (_, i) => ({ name: `Manager ${i}`, email: `manager${i}@bench.test`, role: 'manager' as const, managerId: director.id })))
    .returning('id')
    .execute();
  const reps = await db
    .insertInto('users')
    .values(Array.from({ length: 50 }, (_, i) => ({ name: `Rep ${i}`, email: `rep${i}@bench.test`, managerId: managers[i % managers.length]!.id })))
    .returning('id')
    .execute();
  return reps.map((r) => r.id);
}

/**
 * `count` projects in execution over the coming year, owned in turn by `repIds`, with twelve
 * revenue milestones each (nothing is ever reported, so every milestone is missed at its due
 * time): one a month unless `dueOf` places milestone `m` of project `p` elsewhere.
 */
export async function insertLiveProjects(db: Db, input: { count: number; repIds: string[]; dueOf?: (p: number, m: number) => Date | undefined }): Promise<string[]> {
  const now = Date.now();
  const ids: string[] = [];
  for (let from = 0; from < input.count; from += BATCH) {
    const size = Math.min(BATCH, input.count - from);
    const owners = Array.from({ length: size }, (_, i) => input.repIds[(from + i) % input.repIds.length]!);
    const projects = await db
      .insertInto('sales_projects')
      .values(owners.map((ownerId, i) => ({ name: `Live project ${from + i}`, ownerId, periodStart: new Date(now - 30 * DAY_MS), periodEnd: new Date(now + 400 * DAY_MS), phase: 'execution' as const })))
      .returning('id')
      .execute();
    await db
      .insertInto('milestones')
      .values(
        projects.flatMap((project, i) =>
          Array.from({ length: MILESTONES_PER_PROJECT }, (_, m) => ({
            projectId: project.id,
            name: `Month ${m + 1}`,
            dueAt: input.dueOf?.(from + i, m) ?? new Date(now + (m + 1) * 30 * DAY_MS),
            metric: 'revenue',
            targetValue: String(10_000 * (m + 1)),
            ownerId: owners[i]!,
          })),
        ),
      )
      .execute();
    ids.push(...projects.map((p) => p.id));
  }
  return ids;
}

/** Starts each project's lifecycle as the API does, `concurrency` at once. */
export async function startLifecycles(client: Client, taskQueue: string, projectIds: readonly string[], concurrency = 16): Promise<void> {
  await inParallel(projectIds, concurrency, (id) => startLifecycle(client, taskQueue, id));
}

/**
 * Waits until the last projects started have read their plan (their workflow says it is in
 * execution), so the worker has worked through the starts before them: tasks are taken in order.
 */
export async function waitUntilLoaded(client: Client, projectIds: readonly string[], timeoutMs = 600_000): Promise<void> {
  const last = projectIds.slice(-3);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const phases = await Promise.all(
      last.map((id) =>
        client.workflow
          .getHandle(salesProjectWorkflowId(id))
          .query(stateQuery)
          .then((s) => s.phase)
          .catch(() => null),
      ),
    );
    if (phases.every((p) => p === 'execution')) return;
    if (Date.now() > deadline) throw new Error(`The last projects started did not read their plan within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
