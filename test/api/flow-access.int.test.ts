import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { approveAtOnce, bind, createOrgChart, inSeconds, publishFlow } from '../support/factories';
import { call, eventually } from '../support/http';
import { admin } from '../support/identities';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();

/** plan_submitted → one approval by these people → approved / rejected. */
function approvalBy(userIds: string[]): FlowDocument {
  return {
    schemaVersion: 1,
    name: 'Approval by named people',
    nodes: [
      { id: 'start', kind: 'trigger', config: { event: 'plan_submitted' }, position: { x: 0, y: 0 } },
      {
        id: 'decide',
        kind: 'approval',
        config: {
          approvers: { kind: 'users', userIds },
          mode: 'any',
          allowDelegation: false,
          subject: 'Approve {{project.name}}',
          message: 'Please decide, {{recipient.name}}.',
          timeout: { amount: 1, unit: 'hours' },
          timeoutAction: 'escalate',
        },
        position: { x: 240, y: 0 },
      },
      { id: 'approved', kind: 'end', config: { result: 'approved' }, position: { x: 480, y: 0 } },
      { id: 'rejected', kind: 'end', config: { result: 'rejected' }, position: { x: 480, y: 140 } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'decide', targetPort: 'in' },
      { id: 'e2', source: 'decide', sourcePort: 'approved', target: 'approved', targetPort: 'in' },
      { id: 'e3', source: 'decide', sourcePort: 'rejected', target: 'rejected', targetPort: 'in' },
      { id: 'e4', source: 'decide', sourcePort: 'timed_out', target: 'rejected', targetPort: 'in' },
    ],
  };
}

const draftNamed = (name: string) => ({ ...approveAtOnce('plan_submitted'), name });

describe('who may change flows', () => {
  it('lets only ops and admins create, change, publish and bind flows, and everyone signed in read them', async () => {
    const flowId = await publishFlow(system.app, approveAtOnce('plan_submitted'));
    const project = await call(system.app, 'POST', '/api/projects', { name: `Bound ${randomUUID().slice(0, 8)}`, ownerId: admin().id, periodStart: inSeconds(-60), periodEnd: inSeconds(3600), milestones: [] });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const stored = async () => ({
      flow: await system.db.selectFrom('flows').select(['name', 'draftUpdatedAt']).where('id', '=', flowId).executeTakeFirstOrThrow(),
      versions: await system.db.selectFrom('flow_versions').select('version').where('flowId', '=', flowId).execute(),
      bindings: await system.db.selectFrom('flow_bindings').selectAll().where('projectId', '=', project.body.id).execute(),
    });
    const before = await stored();
    const refusedName = `Refused ${randomUUID().slice(0, 8)}`;

    for (const role of ['manager', 'member', 'viewer'] as const) {
      const person = await createUser(system.app, `A ${role}`, null, role);
      const as = { as: person };
      const writes = [
        await call(system.app, 'POST', '/api/flows', { draft: draftNamed(refusedName) }, as),
        await call(system.app, 'POST', '/api/flows/import', { draft: draftNamed(refusedName) }, as),
        await call(system.app, 'PUT', `/api/flows/${flowId}/draft`, { draft: draftNamed(refusedName) }, as),
        await call(system.app, 'POST', `/api/flows/${flowId}/publish`, {}, as),
        await call(system.app, 'POST', `/api/flows/${flowId}/publish`, { publishedBy: admin().id }, as),
        await call(system.app, 'PUT', '/api/flow-bindings', { triggerEvent: 'plan_submitted', projectId: project.body.id, flowId }, as),
      ];
      for (const res of writes) {
        expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('ops or admin') });
      }
      const reads = [
        await call(system.app, 'GET', '/api/flows', undefined, as),
        await call(system.app, 'GET', `/api/flows/${flowId}`, undefined, as),
        await call(system.app, 'GET', `/api/flows/${flowId}/versions`, undefined, as),
        await call(system.app, 'GET', `/api/flows/${flowId}/versions/1`, undefined, as),
        await call(system.app, 'GET', `/api/flows/${flowId}/export`, undefined, as),
        await call(system.app, 'POST', '/api/flows/validate', { draft: draftNamed('Check me') }, as),
        await call(system.app, 'GET', '/api/flow-bindings', undefined, as),
      ];
      expect(reads.map((r) => r.status), role).toEqual([200, 200, 200, 200, 200, 200, 200]);
    }
    expect(await stored()).toEqual(before);
    expect(await system.db.selectFrom('flows').select('id').where('name', '=', refusedName).execute()).toEqual([]);
    expect((await call(system.app, 'GET', '/api/flows', undefined, { as: null })).status).toBe(401);

    // Ops design flows: the publisher is whoever publishes, never a name in the body.
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const created = await call(system.app, 'POST', '/api/flows', { draft: draftNamed(`Ops ${randomUUID().slice(0, 8)}`) }, { as: ops });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await call(system.app, 'POST', `/api/flows/${created.body.id}/publish`, { publishedBy: admin().id }, { as: ops })).status).toBe(400);
    const published = await call(system.app, 'POST', `/api/flows/${created.body.id}/publish`, undefined, { as: ops });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toMatchObject({ version: 1, publishedBy: ops.id });
    const bound = await call(system.app, 'PUT', '/api/flow-bindings', { triggerEvent: 'plan_submitted', projectId: project.body.id, flowId: created.body.id }, { as: ops });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  });

  it('never changes a published version: later drafts and versions leave it as it was', async () => {
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const created = await call(system.app, 'POST', '/api/flows', { draft: draftNamed(`Frozen ${randomUUID().slice(0, 8)}`) }, { as: ops });
    expect((await call(system.app, 'POST', `/api/flows/${created.body.id}/publish`, {}, { as: ops })).status).toBe(201);
    const v1 = (await call(system.app, 'GET', `/api/flows/${created.body.id}/versions/1`)).body;

    const changed = { ...approvalBy([ops.id]), name: created.body.name };
    expect((await call(system.app, 'PUT', `/api/flows/${created.body.id}/draft`, { draft: changed }, { as: ops })).status).toBe(200);
    expect((await call(system.app, 'GET', `/api/flows/${created.body.id}/versions/1`)).body).toEqual(v1);
    const v2 = await call(system.app, 'POST', `/api/flows/${created.body.id}/publish`, {}, { as: ops });
    expect(v2.body.version).toBe(2);
    expect((await call(system.app, 'GET', `/api/flows/${created.body.id}/versions/1`)).body).toEqual(v1);
    // No route edits a version, and the database refuses it too, whoever asks.
    await expect(system.db.updateTable('flow_versions').set({ document: '{}' }).where('flowId', '=', created.body.id).execute()).rejects.toThrow(/cannot be changed/);
    expect((await call(system.app, 'GET', `/api/flows/${created.body.id}/versions/1`)).body).toEqual(v1);
  });
});

describe('who may see a flow run', () => {
  it('does not show a flow run to people outside its project, but shows its request to the approver', async () => {
    const org = await createOrgChart(system.app);
    const outsider = await createUser(system.app, 'Outsider');
    const outsideViewer = await createUser(system.app, 'Outside viewer', null, 'viewer');
    const outsideManager = await createUser(system.app, 'Outside manager', null, 'manager');
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    // The approver is not on the project and not above anyone on it: they see their request only.
    const approver = await createUser(system.app, 'Approver');
    const res = await call(system.app, 'POST', '/api/projects', { name: `Seen ${randomUUID().slice(0, 8)}`, ownerId: org.rep.id, periodStart: inSeconds(-60), periodEnd: inSeconds(3600), milestones: [] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const projectId = res.body.id as string;
    await bind(system.app, 'plan_submitted', projectId, await publishFlow(system.app, approvalBy([approver.id])));
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, { as: org.rep })).status).toBe(202);
    const request = await eventually(async () => {
      const mine = await call(system.app, 'GET', `/api/users/${approver.id}/approvals?status=pending`, undefined, { as: approver });
      expect(mine.body).toHaveLength(1);
      return mine.body[0] as { id: string; flowRunId: string };
    });

    const paths = [`/api/flow-runs/${request.flowRunId}`, `/api/flow-runs/${request.flowRunId}/approvals`, `/api/approvals/${request.id}`];
    const statuses = async (as: { token: string }) => Promise.all(paths.map(async (path) => (await call(system.app, 'GET', path, undefined, { as })).status));
    for (const person of [outsider, outsideViewer, outsideManager]) {
      expect(await statuses(person), person.name).toEqual([404, 404, 404]);
    }
    for (const person of [org.rep, org.manager, org.ceo, ops]) {
      expect(await statuses(person), person.name).toEqual([200, 200, 200]);
    }
    expect(await statuses(approver)).toEqual([404, 404, 200]);
    const run = await call(system.app, 'GET', `/api/flow-runs/${request.flowRunId}`, undefined, { as: org.rep });
    expect(run.body).toMatchObject({ projectId, status: 'running', live: { waitingFor: [{ requestId: request.id, approverId: approver.id }] } });
    expect((await call(system.app, 'GET', `/api/flow-runs/${randomUUID()}`)).status).toBe(404);

    // A person's requests are theirs (and an admin's) to list; for anyone else the person "does not exist".
    expect((await call(system.app, 'GET', `/api/users/${approver.id}/approvals`, undefined, { as: org.rep })).status).toBe(404);
    expect((await call(system.app, 'GET', `/api/users/${approver.id}/approvals`, undefined, { as: ops })).status).toBe(404);
    expect((await call(system.app, 'GET', `/api/users/${approver.id}/approvals`)).status).toBe(200);

    expect((await call(system.app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'cancelled' }, { as: org.rep })).status).toBe(200);
  });
});
