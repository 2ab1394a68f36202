import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { archiveFlow, bindFlow, getVersion, listFlows, publishFlow as publish, restoreFlow, saveDraft } from '../../api/contract/routes/flows';
import { createProject } from '../../api/contract/routes/projects';
import { apiAs, expectOk, expectRefused } from '../support/api-client';
import { approveAtOnce, inSeconds, publishFlow } from '../support/factories';
import { admin } from '../support/identities';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

describe('archiving a flow', () => {
  it('takes a flow nothing is bound to out of the list, keeps its versions, and takes no draft, version or binding until it is restored', async () => {
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const api = apiAs(system.app, ops);
    const flowId = await publishFlow(system.app, approveAtOnce('plan_submitted'));
    const inUse = async () => (await expectOk(api(listFlows, { query: {} }), 200)).map((f) => f.id);
    const archivedOnes = async () => (await expectOk(api(listFlows, { query: { archived: 'true' } }), 200)).map((f) => f.id);
    expect(await inUse()).toContain(flowId);

    // Members may read flows but not archive them.
    const member = await createUser(system.app, 'Member', null, 'member');
    expect((await apiAs(system.app, member)(archiveFlow, { params: { id: flowId } })).status).toBe(403);

    const archived = await expectOk(api(archiveFlow, { params: { id: flowId } }), 200);
    expect(archived).toMatchObject({ id: flowId, latestVersion: 1, archivedAt: expect.any(String) });
    expect(await inUse()).not.toContain(flowId);
    expect(await archivedOnes()).toContain(flowId);
    // Its version stays, for the runs that used it.
    expect((await expectOk(api(getVersion, { params: { id: flowId, version: 1 } }), 200)).version).toBe(1);

    const draft = { ...approveAtOnce('plan_submitted'), name: `Changed ${randomUUID().slice(0, 8)}` };
    const refusals = [
      await expectRefused(api(saveDraft, { params: { id: flowId }, body: { draft } }), 409),
      await expectRefused(api(publish, { params: { id: flowId }, body: {} }), 409),
      await expectRefused(api(bindFlow, { body: { triggerEvent: 'plan_submitted', projectId: null, flowId } }), 409),
    ];
    expect(refusals.map((r) => r.code)).toEqual(['flow_archived', 'flow_archived', 'flow_archived']);

    expect((await expectOk(api(restoreFlow, { params: { id: flowId } }), 200)).archivedAt).toBeNull();
    expect(await inUse()).toContain(flowId);
    expect(await archivedOnes()).not.toContain(flowId);
    await expectOk(api(saveDraft, { params: { id: flowId }, body: { draft } }), 200);
  });

  it('refuses to archive a flow that is still bound, naming each binding in the reader’s language', async () => {
    const ops = await createUser(system.app, 'Ops', null, 'ops');
    const api = apiAs(system.app, ops);
    const flowId = await publishFlow(system.app, approveAtOnce('plan_submitted'));
    const name = `Bound ${randomUUID().slice(0, 8)}`;
    const project = await expectOk(apiAs(system.app, admin())(createProject, { body: { name, ownerId: admin().id, periodStart: inSeconds(-60), periodEnd: inSeconds(3600) } }), 201);
    await expectOk(api(bindFlow, { body: { triggerEvent: 'plan_submitted', projectId: project.id, flowId } }), 200);

    const refused = await expectRefused(api(archiveFlow, { params: { id: flowId } }), 409);
    expect(refused.code).toBe('flow_bound');
    expect(refused.message).toMatch(/still starts on 1 binding: unbind it first/);
    expect(refused.details).toEqual([{ path: 'bindings', message: `Plan submitted for project "${name}"` }]);

    const chinese = await expectRefused(api(archiveFlow, { params: { id: flowId } }, { headers: { 'accept-language': 'zh-CN' } }), 409);
    expect(chinese.message).toContain('仍绑定在 1 处');
    expect(chinese.details[0]?.message).toContain(`项目“${name}”`);
    expect((await expectOk(api(listFlows, { query: {} }), 200)).map((f) => f.id)).toContain(flowId);
  });

});
