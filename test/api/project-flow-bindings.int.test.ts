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
    expect(answer.body.find((entry) => entry.triggerEvent === 'milestone_at_risk')).toEqual({ triggerEvent: 'milestone_at_risk', source: 'none', flowId: null, flowName: null, version: null });
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
});
