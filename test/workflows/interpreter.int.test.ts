import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../workflows/flow/graph-schema';
import { bind, createOrgChart, createProject, inSeconds, publishFlow, type OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import { tokenFor, type Identity } from '../support/identities';
import { createUser, type Person } from '../support/people';
import { decideBy, document, endWith, onPlanSubmitted, tellOwner } from '../support/flow-shapes';
import { useSystem } from '../support/system';

const system = useSystem();

/** plan_submitted → one approval step → approved / rejected ends (timed out → tell the owner → rejected). */
const approvalFlow = (approverIds: string[], mode: 'any' | 'all' | 'sequence', timeoutSeconds = 300, subject = 'Approve {{project.name}}'): FlowDocument =>
  document(
    `Approval (${mode})`,
    [
      onPlanSubmitted(),
      decideBy(approverIds, { mode, allowDelegation: true, subject, timeout: { amount: timeoutSeconds, unit: 'seconds' }, timeoutAction: 'escalate' }),
      endWith('approved', 'approved'),
      endWith('rejected', 'rejected'),
      tellOwner('tell_owner', 'Nobody decided on {{project.name}}'),
      endWith('timed_out_end', 'rejected'),
    ],
    [
      ['start', 'next', 'decide'],
      ['decide', 'approved', 'approved'],
      ['decide', 'rejected', 'rejected'],
      ['decide', 'timed_out', 'tell_owner'],
      ['tell_owner', 'next', 'timed_out_end'],
    ],
  );

async function planningProjectWith(org: OrgChart, flow: FlowDocument) {
  const { id: projectId } = await createProject(system.app, org.rep.id, 'Flow');
  const flowId = await publishFlow(system.app, flow);
  await bind(system.app, 'plan_submitted', projectId, flowId);
  expect((await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, { as: org.rep })).status).toBe(202);
  return { projectId, flowId };
}

/** The person's own pending requests, as they see them. */
const pending = async (person: Person, count = 1) =>
  eventually(async () => {
    const res = await call(system.app, 'GET', `/api/users/${person.id}/approvals?status=pending`, undefined, { as: person });
    expect(res.body).toHaveLength(count);
    return res.body as { id: string; flowRunId: string }[];
  });
const decide = (requestId: string, as: Identity, decision: string, comment?: string) =>
  call(system.app, 'POST', `/api/approvals/${requestId}/decision`, { decision, ...(comment ? { comment } : {}) }, { as });
const phase = async (projectId: string) => (await call(system.app, 'GET', `/api/projects/${projectId}`)).body.lifecycle as { phase: string; planRejection: string | null };
const close = (projectId: string, as: Identity) => call(system.app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'cancelled' }, { as });

describe('the flow interpreter on the real engine', () => {
  it('decides an "any" approval on the first answer and closes the other request', async () => {
    const org = await createOrgChart(system.app);
    const { projectId } = await planningProjectWith(org, approvalFlow([org.manager.id, org.director.id], 'any'));
    const [request] = await pending(org.director);
    await pending(org.manager);
    expect((await decide(request!.id, org.director, 'approve')).status).toBe(200);
    await eventually(async () => expect((await phase(projectId)).phase).toBe('execution'));
    const managerRequests = (await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals`)).body as { status: string }[];
    expect(managerRequests.map((r) => r.status)).toEqual(['cancelled']);
    await close(projectId, org.rep);
  });

  it('needs every approver in an "all" approval, and one rejection decides it', async () => {
    const org = await createOrgChart(system.app);
    const all = await planningProjectWith(org, approvalFlow([org.manager.id, org.director.id], 'all'));
    const [fromManager] = await pending(org.manager);
    expect((await decide(fromManager!.id, org.manager, 'approve')).status).toBe(200);
    // The run has taken the approval in and still waits on the director's answer.
    const runOf = async () => (await call(system.app, 'GET', `/api/flow-runs/${fromManager!.flowRunId}`)).body.live as { currentNodes: string[]; waitingFor: { approverId: string }[] };
    await eventually(async () => expect(await runOf()).toMatchObject({ currentNodes: ['decide'], waitingFor: [{ approverId: org.director.id }] }));
    expect((await phase(all.projectId)).phase).toBe('planning');
    const [fromDirector] = await pending(org.director);
    expect((await decide(fromDirector!.id, org.director, 'approve')).status).toBe(200);
    await eventually(async () => expect((await phase(all.projectId)).phase).toBe('execution'));
    await close(all.projectId, org.rep);

    const org2 = await createOrgChart(system.app);
    const rejected = await planningProjectWith(org2, approvalFlow([org2.manager.id, org2.director.id], 'all'));
    const [first] = await pending(org2.manager);
    expect((await decide(first!.id, org2.manager, 'reject')).status).toBe(400); // a rejection needs a reason
    expect((await decide(first!.id, org2.manager, 'reject', 'Pipeline too thin')).status).toBe(200);
    await eventually(async () => expect((await phase(rejected.projectId)).planRejection).toBe('Pipeline too thin'));
    await close(rejected.projectId, org2.rep);
  });

  it('takes the timed-out branch when nobody decides in time', async () => {
    const org = await createOrgChart(system.app);
    const { projectId } = await planningProjectWith(org, approvalFlow([org.manager.id], 'any', 2));
    await pending(org.manager);
    await eventually(async () => {
      const inbox = (await call(system.app, 'GET', `/api/users/${org.rep.id}/inbox`)).body as { payload: { subject: string } }[];
      expect(inbox.map((i) => i.payload.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^Nobody decided on Flow /)]));
    }, { timeoutMs: 15_000 });
    expect((await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals`)).body.map((r: { status: string }) => r.status)).toEqual(['timed_out']);
    await eventually(async () => expect((await phase(projectId)).phase).toBe('planning'));
    await close(projectId, org.rep);
  });

  it('lets an approver delegate, and only the delegate can then decide, also through the original request', async () => {
    const org = await createOrgChart(system.app);
    const { projectId } = await planningProjectWith(org, approvalFlow([org.manager.id], 'any'));
    const [request] = await pending(org.manager);
    const delegated = await call(system.app, 'POST', `/api/approvals/${request!.id}/decision`, { decision: 'delegate', delegateTo: org.director.id, comment: 'On leave' }, { as: org.manager });
    expect(delegated.status, JSON.stringify(delegated.body)).toBe(200);
    expect(delegated.body.status).toBe('delegated');
    const [handed] = await pending(org.director);
    expect((await decide(request!.id, org.manager, 'approve')).status).toBe(409);
    // The delegate answers from the e-mail or page of the original: the decision lands on their request.
    const decided = await decide(request!.id, org.director, 'approve');
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ id: handed!.id, status: 'approved', decidedBy: org.director.id });
    await eventually(async () => expect((await phase(projectId)).phase).toBe('execution'));
    await close(projectId, org.rep);
  });

  it('refuses a decision by someone who is not the approver, and the flow run does not move', async () => {
    const org = await createOrgChart(system.app);
    const otherMember = await createUser(system.app, 'Other member');
    const { projectId } = await planningProjectWith(org, approvalFlow([org.manager.id], 'any'));
    const [request] = await pending(org.manager);
    const run = async () => {
      const res = await call(system.app, 'GET', `/api/flow-runs/${request!.flowRunId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { status: string; live: { status: string; currentNodes: string[]; path: unknown[]; waitingFor: { requestId: string }[] } };
    };
    // The request reaches the inbox when its activity commits, a moment before the run records it.
    const before = await eventually(async () => {
      const state = await run();
      expect(state.live).toMatchObject({ status: 'running', currentNodes: ['decide'], waitingFor: [{ requestId: request!.id }] });
      return state;
    });

    // The owner and the approver's manager may read the request, so they hear why (403); a
    // member outside the project may not even see it (404).
    for (const [who, status] of [[org.rep, 403], [org.director, 403], [otherMember, 404]] as const) {
      for (const decision of ['approve', 'reject']) {
        const refused = await decide(request!.id, who, decision, 'Not mine to decide');
        expect(refused.status, `${who.name} ${decision}: ${JSON.stringify(refused.body)}`).toBe(status);
        expect(refused.body.error.code).toBe(status === 403 ? 'forbidden' : 'not_found');
      }
    }
    // Even the approver may not decide with a token scoped to read only.
    const readOnly = await tokenFor(org.manager.id, 'viewer');
    expect((await decide(request!.id, readOnly, 'approve')).status).toBe(403);

    // Refusals are answered by the update's validator: nothing reached the run.
    const after = await run();
    expect(after).toEqual(before);
    const requests = await call(system.app, 'GET', `/api/flow-runs/${request!.flowRunId}/approvals`);
    expect(requests.body.map((r: { id: string; status: string; decidedBy: string | null }) => [r.id, r.status, r.decidedBy])).toEqual([[request!.id, 'pending', null]]);
    expect((await phase(projectId)).phase).toBe('planning');

    expect((await decide(request!.id, org.manager, 'approve')).status).toBe(200);
    await eventually(async () => expect((await phase(projectId)).phase).toBe('execution'));
    await eventually(async () => expect((await run()).status).toBe('completed'));
    await close(projectId, org.rep);
  });

  it('keeps running the version it started with after a new version is published', async () => {
    const org = await createOrgChart(system.app);
    const v1 = approvalFlow([org.manager.id], 'any', 300, 'v1: approve {{project.name}}');
    const { projectId, flowId } = await planningProjectWith(org, v1);
    const [request] = await pending(org.manager);

    const v2 = { ...approvalFlow([org.director.id], 'any', 300, 'v2: approve {{project.name}}'), name: (await call(system.app, 'GET', `/api/flows/${flowId}`)).body.name };
    expect((await call(system.app, 'PUT', `/api/flows/${flowId}/draft`, { draft: v2 })).status).toBe(200);
    const published = await call(system.app, 'POST', `/api/flows/${flowId}/publish`, {});
    expect(published.body.version).toBe(2);

    // The running approval still belongs to version 1: its approver decides and the plan passes.
    expect((await decide(request!.id, org.manager, 'approve')).status).toBe(200);
    await eventually(async () => expect((await phase(projectId)).phase).toBe('execution'));
    const run = await system.db
      .selectFrom('flow_runs as r')
      .innerJoin('flow_versions as v', 'v.id', 'r.flowVersionId')
      .select(['v.version'])
      .where('r.projectId', '=', projectId)
      .execute();
    expect(run.map((r) => r.version)).toEqual([1]);
    // Published versions cannot be changed, not even in the database.
    await expect(system.db.updateTable('flow_versions').set({ document: '{}' }).where('flowId', '=', flowId).execute()).rejects.toThrow(/cannot be changed/);

    // A new run starts on version 2: its request goes to version 2's approver, with its subject.
    await close(projectId, org.rep);
    const third = await call(system.app, 'POST', '/api/projects', { name: `Flow ${randomUUID().slice(0, 8)}`, ownerId: org.rep.id, periodStart: inSeconds(-60), periodEnd: inSeconds(3600), milestones: [] });
    await bind(system.app, 'plan_submitted', third.body.id, flowId);
    expect((await call(system.app, 'POST', `/api/projects/${third.body.id}/submit`, {}, { as: org.rep })).status).toBe(202);
    const [v2Request] = await pending(org.director);
    const inbox = (await call(system.app, 'GET', `/api/users/${org.director.id}/inbox`)).body as { payload: { subject: string; requestId?: string } }[];
    expect(inbox.find((i) => i.payload.requestId === v2Request!.id)?.payload.subject).toMatch(/^v2: approve /);
    await close(third.body.id, org.rep);
  });
});
