import { WorkflowNotFoundError } from '@temporalio/client';
import { expect } from 'vitest';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { bind, createProject, inSeconds, publishFlow, type OrgChart } from './factories';
import { call, eventually } from './http';
import type { TestSystem } from './system';
import type { App } from '../../api/app';
import { raiseWorkflowId } from '../../workflows/task-queue';

export interface PathStep {
  nodeId: string;
  kind: string;
  at: string;
  port?: string;
  note?: string;
}

export interface FinishedRun {
  id: string;
  status: string;
  workflowId: string;
  path: PathStep[];
  /** What the end node reached last reported. */
  result?: string;
}

/** Grid positions for hand-written flows; the engine ignores them, the designer needs them. */
export const at = (x: number, y = 0) => ({ x: x * 240, y: y * 140 });

/** A project in planning owned by the org chart's rep, with an optional business calendar. */
export async function createPlanningProject(system: TestSystem, org: Pick<OrgChart, 'rep'>, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  return createProject(system.app, org.rep.id, 'Nodes', { periodEnd: inSeconds(30 * 86_400), ...extra });
}

/**
 * Publishes `flow` (a plan_submitted flow), binds it to a new planning project and submits the
 * plan as the owner, so the flow runs on the real engine exactly as it would in production.
 */
export async function runOnPlanSubmitted(system: TestSystem, org: Pick<OrgChart, 'rep'>, flow: FlowDocument, project: Record<string, unknown> = {}) {
  const { id: projectId, name: projectName } = await createPlanningProject(system, org, project);
  const flowId = await publishFlow(system.app, flow);
  await bind(system.app, 'plan_submitted', projectId, flowId);
  const submitted = await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, { as: org.rep });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  return { projectId, projectName, flowId };
}

/** As runOnPlanSubmitted, then waits until the run has completed; returns the finished run too. */
export async function runToTheEnd(system: TestSystem, org: Pick<OrgChart, 'rep'>, flow: FlowDocument, project: Record<string, unknown> = {}) {
  const started = await runOnPlanSubmitted(system, org, flow, project);
  const run = await finishedRun(system, (await flowRunOf(system, started.projectId)).id);
  return { ...started, run };
}

/** The project's (only) flow run for `event`, once it is recorded. */
export async function flowRunOf(system: TestSystem, projectId: string, event = 'plan_submitted'): Promise<{ id: string; workflowId: string }> {
  return eventually(async () => {
    const run = await system.db.selectFrom('flow_runs').select(['id', 'workflowId']).where('projectId', '=', projectId).where('triggerEvent', '=', event).executeTakeFirst();
    expect(run, `no ${event} flow run for project ${projectId} yet`).toBeDefined();
    return { id: run!.id, workflowId: run!.workflowId };
  });
}

/** Waits until the run has ended as `status` and answers its path as the API shows it. */
export async function finishedRun(system: TestSystem, runId: string, { status = 'completed', timeoutMs = 30_000 } = {}): Promise<FinishedRun> {
  return eventually(async () => {
    const res = await call(system.app, 'GET', `/api/flow-runs/${runId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe(status);
    const workflowId = (await system.db.selectFrom('flow_runs').select('workflowId').where('id', '=', runId).executeTakeFirstOrThrow()).workflowId;
    const live = res.body.live as { path: PathStep[]; result?: string };
    return { id: runId, status: res.body.status as string, workflowId, path: live.path, ...(live.result ? { result: live.result } : {}) };
  }, { timeoutMs });
}

/** The ports a node left by, in the order it ran (a step that ends its path has none). */
export const portsOf = (run: FinishedRun, nodeId: string) => run.path.filter((step) => step.nodeId === nodeId && step.port !== undefined).map((step) => step.port);

/** Subjects of the person's inbox items, newest first. */
export async function inboxSubjects(system: TestSystem, personId: string): Promise<string[]> {
  const res = await call(system.app, 'GET', `/api/users/${personId}/inbox`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { payload: { subject: string }; createdAt: string }[]).map((item) => item.payload.subject);
}

/** Closes the project so its lifecycle workflow ends with the test. */
export async function closeProject(system: TestSystem, projectId: string, as: { token: string }) {
  const res = await call(system.app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'cancelled' }, { as });
  expect([200, 202, 409], JSON.stringify(res.body)).toContain(res.status);
}

/** True when a KPI report started a raise of `kpi_threshold_crossed` (the API starts it before answering, so this needs no waiting). */
export async function kpiCrossingRaised(system: TestSystem, projectId: string, reportId: string): Promise<boolean> {
  try {
    await system.client.workflow.getHandle(raiseWorkflowId(projectId, 'kpi_threshold_crossed', reportId)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** A project's closing review once the retrospective workflow has compiled it (it starts when the project closes). */
export async function closingReviewOf(app: App, projectId: string) {
  return eventually(
    async () => {
      const res = await call(app, 'GET', `/api/projects/${projectId}/retrospective`);
      expect(res.status).toBe(200);
      return res.body;
    },
    { timeoutMs: 40_000 },
  );
}
