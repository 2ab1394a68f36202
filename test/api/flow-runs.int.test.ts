import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFlowActivities } from '../../activities/flow/flow-activities';
import { systemClock } from '../../activities/clock';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import type { RunPathStep } from '../../workflows/flow/run-trace';
import { bind, createOrgChart, createProject, inSeconds, publishFlow, type OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import { createUser } from '../support/people';
import { createPlanProject } from '../support/sales-plan';
import { capturingMailer, useSystem } from '../support/system';
import { singleApproval } from '../support/flow-shapes';

const system = useSystem();

/** plan_submitted → the manager approves → approved / rejected; nobody in a day → rejected. */
const approvalFlow = (approverId: string) => singleApproval(approverId, { name: 'Runs approval' });

/** A project in planning whose plan runs `flowId` when submitted; submitted when `submit`. */
async function projectRunning(org: OrgChart, flowId: string) {
  const { id: projectId } = await createProject(system.app, org.rep.id, 'Runs');
  await bind(system.app, 'plan_submitted', projectId, flowId);
  expect((await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, { as: org.rep })).status).toBe(202);
  return projectId;
}

const runsOf = async (flowId: string, query = '', as?: Parameters<typeof call>[4]) => {
  const res = await call(system.app, 'GET', `/api/flows/${flowId}/runs${query}`, undefined, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; version: number; project: { id: string; name: string }; status: string; triggerEvent: string; startedAt: string; endedAt: string | null }[];
};

/** The flow's runs, once `count` of them are listed. */
const listedRuns = (flowId: string, count: number) =>
  eventually(async () => {
    const listed = await runsOf(flowId);
    expect(listed).toHaveLength(count);
    return listed;
  });

/** The approval flow asking the org's manager, published and running on one new project, once its run is listed. */
async function oneRun(org: OrgChart) {
  const flowId = await publishFlow(system.app, approvalFlow(org.manager.id));
  await projectRunning(org, flowId);
  const [run] = await listedRuns(flowId, 1);
  return { flowId, run: run! };
}

const activities = () => createFlowActivities({ db: system.db, clock: systemClock, mailer: capturingMailer() });
const minute = (n: number) => new Date(Date.UTC(2026, 10, 2, 9, n)).toISOString();

/** A run of `versionId` recorded and finished with `path` as the interpreter does, with no workflow behind it. */
async function finishedRun(versionId: string, projectId: string, path: RunPathStep[], status: 'completed' | 'failed' = 'completed') {
  const acts = activities();
  const runId = await acts.registerRun({ workflowId: `test-run-${randomUUID()}`, flowVersionId: versionId, projectId, event: 'plan_submitted', subjectId: projectId });
  await acts.finishRun({ runId, status, path });
  return runId;
}

async function publishedVersion(document: FlowDocument) {
  const flowId = await publishFlow(system.app, document);
  const versions = await call(system.app, 'GET', `/api/flows/${flowId}/versions`);
  return { flowId, versionId: versions.body[0].id as string };
}

const approvedPath = (decideMinutes: number): RunPathStep[] => [
  { nodeId: 'start', kind: 'trigger', at: minute(0), endedAt: minute(0), port: 'next' },
  { nodeId: 'decide', kind: 'approval', at: minute(0), endedAt: minute(decideMinutes), port: 'approved' },
  { nodeId: 'approved', kind: 'end', at: minute(decideMinutes), endedAt: minute(decideMinutes) },
];

describe('a flow’s runs', () => {
  it('lists a flow’s runs newest first with version, project, trigger and status, filtered as asked', async () => {
    const org = await createOrgChart(system.app);
    const flowId = await publishFlow(system.app, approvalFlow(org.manager.id));
    const first = await projectRunning(org, flowId);
    const second = await projectRunning(org, flowId);
    const runs = await listedRuns(flowId, 2);
    expect(runs.map((r) => r.project.id)).toEqual([second, first]);
    expect(runs[0]).toMatchObject({ version: 1, triggerEvent: 'plan_submitted', status: 'running', endedAt: null });
    expect(runs[0]!.project.name).toMatch(/^Runs /);
    expect((await runsOf(flowId, `?projectId=${first}`)).map((r) => r.project.id)).toEqual([first]);
    expect(await runsOf(flowId, '?status=completed')).toEqual([]);
    expect(await runsOf(flowId, '?version=2')).toEqual([]);
    expect(await runsOf(flowId, '?trigger=milestone_missed')).toEqual([]);
    expect((await runsOf(flowId, `?limit=1&before=${encodeURIComponent(runs[0]!.startedAt)}`)).map((r) => r.project.id)).toEqual([first]);
  });

  it('shows runs only to those who may read their project; ops see them all', async () => {
    const org = await createOrgChart(system.app);
    const outsider = await createUser(system.app, 'Outsider');
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const { flowId, run } = await oneRun(org);
    expect(await runsOf(flowId, '', { as: outsider })).toEqual([]);
    expect((await call(system.app, 'GET', `/api/flow-runs/${run.id}/trace`, undefined, { as: outsider })).status).toBe(404);
    expect(await runsOf(flowId, '', { as: ops })).toHaveLength(1);
    expect(await runsOf(flowId, '', { as: org.rep })).toHaveLength(1);
    expect((await call(system.app, 'GET', `/api/flow-runs/${run.id}/trace`, undefined, { as: org.manager })).status).toBe(200);
  });

  it('refuses unknown query fields and out-of-range values, and answers 404 for a flow that does not exist', async () => {
    const { flowId } = await publishedVersion(approvalFlow(randomUUID()));
    expect((await call(system.app, 'GET', `/api/flows/${flowId}/runs?colour=red`)).status).toBe(400);
    expect((await call(system.app, 'GET', `/api/flows/${flowId}/runs?limit=0`)).status).toBe(400);
    expect((await call(system.app, 'GET', `/api/flows/${flowId}/runs?status=asleep`)).status).toBe(400);
    expect((await call(system.app, 'GET', `/api/flows/${flowId}/versions/1/heat?last=0`)).status).toBe(400);
    expect((await call(system.app, 'GET', `/api/flows/${randomUUID()}/runs`)).status).toBe(404);
    expect((await call(system.app, 'GET', `/api/flows/${flowId}/versions/9/heat`)).status).toBe(404);
    expect((await call(system.app, 'GET', `/api/flow-runs/${randomUUID()}/trace`)).status).toBe(404);
  });
});

describe('a run’s trace', () => {
  it('shows a waiting run live: the edge into the waiting step, whom it waits for and until when; then its decision', async () => {
    const org = await createOrgChart(system.app);
    const { flowId, run } = await oneRun(org);
    const waiting = await eventually(async () => {
      const res = await call(system.app, 'GET', `/api/flow-runs/${run.id}/trace`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.waitingFor).toHaveLength(1);
      return res.body;
    });
    expect(waiting).toMatchObject({ flowId, version: 1, status: 'running', pathSource: 'live', currentNodes: ['decide'], edgesTaken: ['e1'] });
    expect(waiting.path.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start']);
    expect(waiting.waitingFor[0]).toMatchObject({ nodeId: 'decide', kind: 'approval', person: { id: org.manager.id, name: org.manager.name } });
    expect(Date.parse(waiting.waitingFor[0].until)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(waiting.decisions).toMatchObject([{ nodeId: 'decide', status: 'pending', asked: { id: org.manager.id, name: org.manager.name }, decidedBy: null }]);

    const decided = await call(system.app, 'POST', `/api/approvals/${waiting.decisions[0].requestId}/decision`, { decision: 'approve', comment: 'Good plan' }, { as: org.manager });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const done = await eventually(async () => {
      const res = await call(system.app, 'GET', `/api/flow-runs/${run.id}/trace`);
      expect(res.body.status).toBe('completed');
      expect(res.body.edgesTaken).toEqual(['e1', 'e2']);
      return res.body;
    });
    expect(done.result).toBe('approved');
    expect(done.currentNodes).toEqual([]);
    expect(done.waitingFor).toEqual([]);
    expect(done.path.map((s: { nodeId: string; port: string | null }) => [s.nodeId, s.port])).toEqual([
      ['start', 'next'],
      ['decide', 'approved'],
      ['approved', null],
    ]);
    expect(done.decisions[0]).toMatchObject({ status: 'approved', decidedBy: { id: org.manager.id, name: org.manager.name }, comment: 'Good plan' });
    expect(done.decisions[0].decidedAt).not.toBeNull();
  });

  it('shows a finished run from the path kept with it, with each step’s start, end and duration', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, periodStart: inSeconds(-60), periodEnd: inSeconds(3600) });
    const { flowId, versionId } = await publishedVersion(approvalFlow(owner.id));
    const runId = await finishedRun(versionId, project.id, approvedPath(90));
    const res = await call(system.app, 'GET', `/api/flow-runs/${runId}/trace`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ flowId, version: 1, status: 'completed', result: 'approved', pathSource: 'stored', edgesTaken: ['e1', 'e2'], currentNodes: [], waitingFor: [], decisions: [] });
    expect(res.body.path[1]).toEqual({ nodeId: 'decide', kind: 'approval', at: minute(0), endedAt: minute(90), durationMs: 90 * 60_000, port: 'approved', note: null });
    expect(res.body.endedAt).not.toBeNull();
  });
});

describe('a version’s heat', () => {
  it('counts over the last finished runs how many took each edge and the median time in each step', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, periodStart: inSeconds(-60), periodEnd: inSeconds(3600) });
    const { flowId, versionId } = await publishedVersion(approvalFlow(owner.id));
    const rejected: RunPathStep[] = [
      { nodeId: 'start', kind: 'trigger', at: minute(0), endedAt: minute(0), port: 'next' },
      { nodeId: 'decide', kind: 'approval', at: minute(0), endedAt: minute(240), port: 'rejected' },
      { nodeId: 'rejected', kind: 'end', at: minute(240), endedAt: minute(240) },
    ];
    await finishedRun(versionId, project.id, rejected);
    await finishedRun(versionId, project.id, approvedPath(10));
    await finishedRun(versionId, project.id, approvedPath(30));
    await activities().registerRun({ workflowId: `test-run-${randomUUID()}`, flowVersionId: versionId, projectId: project.id, event: 'plan_submitted', subjectId: project.id });

    const all = await call(system.app, 'GET', `/api/flows/${flowId}/versions/1/heat`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body).toMatchObject({ flowId, version: 1, last: 50, runs: 3 });
    expect(all.body.edges).toEqual([
      { edgeId: 'e1', runs: 3 },
      { edgeId: 'e2', runs: 2 },
      { edgeId: 'e3', runs: 1 },
    ]);
    expect(all.body.nodes.find((n: { nodeId: string }) => n.nodeId === 'decide')).toEqual({ nodeId: 'decide', runs: 3, medianMs: 30 * 60_000, timedSteps: 3 });

    const lastTwo = await call(system.app, 'GET', `/api/flows/${flowId}/versions/1/heat?last=2`);
    expect(lastTwo.body.runs).toBe(2);
    expect(lastTwo.body.edges).toContainEqual({ edgeId: 'e3', runs: 0 });
    expect(lastTwo.body.nodes.find((n: { nodeId: string }) => n.nodeId === 'decide').medianMs).toBe(20 * 60_000);

    const outsider = await createUser(system.app, 'Outsider');
    expect((await call(system.app, 'GET', `/api/flows/${flowId}/versions/1/heat`, undefined, { as: outsider })).body.runs).toBe(0);
  });
});
