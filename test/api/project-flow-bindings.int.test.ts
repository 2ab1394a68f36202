import { describe, expect, it } from 'vitest';
import { resolveBinding } from '../../db/queries/flows';
import { triggerEvents } from '../../workflows/flow/trigger-events';
import { bind, createOrgChart, createProject, notifyOwnerFlow, publishFlow } from '../support/factories';
import { call } from '../support/http';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();

/** Rolled back at the end, so a binding for all projects never reaches the other files' projects. */
class RolledBack extends Error {}

describe('which flow runs for a project', () => {
  it("answers for every trigger event: the project's own binding with its flow and newest version, and none where nothing is bound", async () => {
    const org = await createOrgChart(system.app);
    const project = await createProject(system.app, org.rep.id, 'Bound');
    const flowId = await publishFlow(system.app, notifyOwnerFlow({ event: 'milestone_missed' }, 'Missed'));
    expect((await call(system.app, 'POST', `/api/flows/${flowId}/publish`, {})).status).toBe(201);
    await bind(system.app, 'milestone_missed', project.id, flowId);

    const answer = await call<{ triggerEvent: string; source: string; flowId: string | null; flowName: string | null; version: number | null }[]>(
      system.app,
      'GET',
      `/api/projects/${project.id}/flow-bindings`,
      undefined,
      { as: org.rep },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.map((entry) => entry.triggerEvent)).toEqual([...triggerEvents]);
    const missed = answer.body.find((entry) => entry.triggerEvent === 'milestone_missed');
    expect(missed).toMatchObject({ source: 'project', flowId, version: 2 });
    expect(missed?.flowName).toMatch(/^Tell the owner on milestone_missed/);
    expect(answer.body.find((entry) => entry.triggerEvent === 'milestone_at_risk')).toEqual({
      triggerEvent: 'milestone_at_risk',
      source: 'none',
      flowId: null,
      flowName: null,
      version: null,
      pinned: false,
      removed: null,
    });
  });

  it('is not told to people who may not read the project', async () => {
    const org = await createOrgChart(system.app);
    const project = await createProject(system.app, org.rep.id, 'Hidden');
    const outsider = await createUser(system.app, 'Outsider');
    expect((await call(system.app, 'GET', `/api/projects/${project.id}/flow-bindings`, undefined, { as: outsider })).status).toBe(404);
  });

  it("prefers the project's own binding to the one for all projects, and falls back to that one for other projects", async () => {
    const org = await createOrgChart(system.app);
    const own = await createProject(system.app, org.rep.id, 'Own');
    const other = await createProject(system.app, org.rep.id, 'Other');
    const ownFlow = await publishFlow(system.app, notifyOwnerFlow({ event: 'project_closed' }, 'Own'));
    const globalFlow = await publishFlow(system.app, notifyOwnerFlow({ event: 'project_closed' }, 'Global'));
    await bind(system.app, 'project_closed', own.id, ownFlow);
    const resolved = system.db.transaction().execute(async (trx) => {
      await trx.insertInto('flow_bindings').values({ triggerEvent: 'project_closed', projectId: null, flowId: globalFlow }).execute();
      expect(await resolveBinding(trx, own.id, 'project_closed')).toMatchObject({ binding: { projectId: own.id, flowId: ownFlow }, version: { version: 1 } });
      expect(await resolveBinding(trx, other.id, 'project_closed')).toMatchObject({ binding: { projectId: null, flowId: globalFlow }, version: { version: 1 } });
      throw new RolledBack();
    });
    await expect(resolved).rejects.toBeInstanceOf(RolledBack);
  });

  it('runs a pinned version after a newer one is published, and refuses a version the flow does not have with 400 naming it', async () => {
    const org = await createOrgChart(system.app);
    const project = await createProject(system.app, org.rep.id, 'Pinned');
    const flowId = await publishFlow(system.app, notifyOwnerFlow({ event: 'milestone_at_risk' }, 'At risk'));
    const pin = (version: number | null) =>
      call(system.app, 'PUT', '/api/flow-bindings', { triggerEvent: 'milestone_at_risk', projectId: project.id, flowId, version });
    const pinned = await pin(1);
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);
    expect(pinned.body.version).toBe(1);
    expect((await call(system.app, 'POST', `/api/flows/${flowId}/publish`, {})).status).toBe(201);

    // The engine's activity asks resolveBoundVersion, which answers from resolveBinding.
    expect(await resolveBinding(system.db, project.id, 'milestone_at_risk')).toMatchObject({ binding: { pinnedVersion: 1 }, version: { version: 1 } });
    const answer = await call<{ triggerEvent: string; version: number | null; pinned: boolean }[]>(system.app, 'GET', `/api/projects/${project.id}/flow-bindings`, undefined, { as: org.rep });
    expect(answer.body.find((entry) => entry.triggerEvent === 'milestone_at_risk')).toMatchObject({ version: 1, pinned: true });
    const listed = await call<{ flowId: string; projectId: string | null; version: number | null }[]>(system.app, 'GET', '/api/flow-bindings');
    expect(listed.body.find((b) => b.flowId === flowId && b.projectId === project.id)?.version).toBe(1);

    const missing = await pin(7);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'version', message: expect.stringContaining('has no published version 7; it has 2, 1') }]);
    expect((await resolveBinding(system.db, project.id, 'milestone_at_risk'))?.version.version).toBe(1);

    expect((await pin(null)).status).toBe(200);
    expect(await resolveBinding(system.db, project.id, 'milestone_at_risk')).toMatchObject({ binding: { pinnedVersion: null }, version: { version: 2 } });
  });

  it("says, when nothing runs any more, which binding was removed, when and by whom, from the audit trail", async () => {
    const org = await createOrgChart(system.app);
    const project = await createProject(system.app, org.rep.id, 'Unbound');
    const ops = await createUser(system.app, 'Olga Ops', null, 'ops');
    const flowId = await publishFlow(system.app, notifyOwnerFlow({ event: 'change_requested' }, 'Changed'));
    await bind(system.app, 'change_requested', project.id, flowId);
    const removed = await call(system.app, 'DELETE', `/api/flow-bindings?triggerEvent=change_requested&projectId=${project.id}`, undefined, { as: ops });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);

    const answer = await call<{ triggerEvent: string; source: string; removed: unknown }[]>(system.app, 'GET', `/api/projects/${project.id}/flow-bindings`, undefined, { as: org.rep });
    const entry = answer.body.find((e) => e.triggerEvent === 'change_requested');
    // A global change_requested binding of another test file would decide instead; this file binds none.
    if (entry?.source === 'none') expect(entry.removed).toEqual({ at: expect.any(String), by: 'Olga Ops', scope: 'project' });
    else expect(entry?.source).toBe('global');
  });
});
