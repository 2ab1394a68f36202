import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFlowActivities } from '../../activities/flow/flow-activities';
import { systemClock } from '../../activities/clock';
import { createOrgChart, createProject, publishFlow } from '../support/factories';
import { singleApproval } from '../support/flow-shapes';
import { call } from '../support/http';
import { capturingMailer, useSystem } from '../support/system';

const system = useSystem();

const activities = () => createFlowActivities({ db: system.db, clock: systemClock, mailer: capturingMailer() });

/** A run of `versionId` recorded as the interpreter records it, with no workflow behind it; finished when `finished`. */
async function runOf(versionId: string, projectId: string, finished = false) {
  const acts = activities();
  const runId = await acts.registerRun({ workflowId: `test-run-${randomUUID()}`, flowVersionId: versionId, projectId, event: 'plan_submitted', subjectId: projectId });
  if (finished) await acts.finishRun({ runId, status: 'completed', path: [] });
}

async function versionIds(flowId: string): Promise<Map<number, string>> {
  const versions = await call<{ id: string; version: number }[]>(system.app, 'GET', `/api/flows/${flowId}/versions`);
  return new Map(versions.body.map((v) => [v.version, v.id]));
}

describe('which runs stay on which version', () => {
  it('counts the runs still running on each published version, oldest version first, finished ones left out', async () => {
    const org = await createOrgChart(system.app);
    const { id: projectId } = await createProject(system.app, org.rep.id, 'Running versions');
    const flow = singleApproval(org.manager.id, { name: 'Running versions' });
    const flowId = await publishFlow(system.app, flow);
    const republished = await call(system.app, 'POST', `/api/flows/${flowId}/publish`, {});
    expect(republished.status, JSON.stringify(republished.body)).toBe(201);
    const ids = await versionIds(flowId);
    await runOf(ids.get(1) ?? '', projectId);
    await runOf(ids.get(1) ?? '', projectId);
    await runOf(ids.get(1) ?? '', projectId, true);
    await runOf(ids.get(2) ?? '', projectId);

    const running = await call(system.app, 'GET', `/api/flows/${flowId}/running`);
    expect(running.status).toBe(200);
    expect(running.body).toEqual([
      { version: 1, running: 2 },
      { version: 2, running: 1 },
    ]);

    // Someone who may not read the project sees the versions, but not its runs.
    const stranger = await createOrgChart(system.app);
    const unseen = await call(system.app, 'GET', `/api/flows/${flowId}/running`, undefined, { as: stranger.rep });
    expect(unseen.body).toEqual([
      { version: 1, running: 0 },
      { version: 2, running: 0 },
    ]);
  });

  it('answers 404 for a flow that does not exist', async () => {
    const res = await call(system.app, 'GET', `/api/flows/${randomUUID()}/running`);
    expect(res.status).toBe(404);
  });
});
