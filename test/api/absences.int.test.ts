import { describe, expect, it } from 'vitest';
import { lastAuditId } from '../support/audit';
import { bind, createOrgChart, createProject, inSeconds, publishFlow } from '../support/factories';
import { decideBy, document, endWith, onPlanSubmitted } from '../support/flow-shapes';
import { call, eventually } from '../support/http';
import type { Identity } from '../support/identities';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();

const absence = (deputyId: string, fromSeconds = -60, untilSeconds = 3600) => ({ startsAt: inSeconds(fromSeconds), endsAt: inSeconds(untilSeconds), deputyId });
const put = (userId: string, body: unknown, as: Identity) => call(system.app, 'PUT', `/api/users/${userId}/absence`, body, { as });
const stored = (userId: string) => system.db.selectFrom('absences').selectAll().where('userId', '=', userId).executeTakeFirst();

describe('absences through the API', () => {
  it('lets the person and any manager above them set or end an absence, and nobody else', async () => {
    const org = await createOrgChart(system.app);
    const peer = await createUser(system.app, 'Peer', org.manager.id, 'member');
    expect((await put(org.rep.id, absence(peer.id), org.rep)).status).toBe(200);
    const byManager = await put(org.rep.id, absence(peer.id, -60, 7200), org.manager);
    expect(byManager.status, JSON.stringify(byManager.body)).toBe(200);
    expect(byManager.body.absence).toMatchObject({ userId: org.rep.id, deputy: { id: peer.id, name: 'Peer' }, setBy: { id: org.manager.id, name: 'Manager' }, current: true });
    expect((await put(org.rep.id, absence(peer.id), org.director)).status).toBe(200);
    for (const who of [peer, org.rep]) {
      const refused = await put(who === peer ? org.rep.id : org.manager.id, absence(org.director.id), who);
      expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    }
    expect((await call(system.app, 'GET', `/api/users/${org.rep.id}/absence`, undefined, { as: peer })).body.absence.deputy.id).toBe(peer.id);
    expect((await call(system.app, 'DELETE', `/api/users/${org.rep.id}/absence`, undefined, { as: peer })).status).toBe(403);
    expect((await call(system.app, 'DELETE', `/api/users/${org.rep.id}/absence`, undefined, { as: org.manager })).status).toBe(204);
    expect((await call(system.app, 'GET', `/api/users/${org.rep.id}/absence`)).body).toEqual({ absence: null });
  });

  it('refuses with 400 naming the field an end before the start, the person as their own deputy or a deputy who is not there, and writes nothing', async () => {
    const org = await createOrgChart(system.app);
    const left = await createUser(system.app, 'Left', org.manager.id, 'member');
    expect((await call(system.app, 'PATCH', `/api/users/${left.id}`, { active: false })).status).toBe(200);
    const before = await lastAuditId(system.db);
    const cases: [unknown, string][] = [
      [{ startsAt: inSeconds(3600), endsAt: inSeconds(60), deputyId: org.manager.id }, 'endsAt'],
      [absence(org.rep.id), 'deputyId'],
      [absence(left.id), 'deputyId'],
      [absence('7d0c4f9e-0000-4000-8000-000000000000'), 'deputyId'],
      [absence(org.manager.id, -7200, -3600), 'endsAt'],
      [{ ...absence(org.manager.id), until: inSeconds(60) }, 'until'],
    ];
    for (const [body, field] of cases) {
      const refused = await put(org.rep.id, body, org.rep);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual([field]);
    }
    expect(await stored(org.rep.id)).toBeUndefined();
    expect(await system.db.selectFrom('audit_events').select('id').where('id', '>', before).where('entity', '=', 'absences').where('entityId', '=', org.rep.id).execute()).toEqual([]);
  });

  it('records setting and ending an absence in the audit trail under whoever did it', async () => {
    const org = await createOrgChart(system.app);
    expect((await put(org.rep.id, absence(org.director.id), org.manager)).status).toBe(200);
    expect((await call(system.app, 'DELETE', `/api/users/${org.rep.id}/absence`, undefined, { as: org.rep })).status).toBe(204);
    const trail = await system.db.selectFrom('audit_events').selectAll().where('entity', '=', 'absences').where('entityId', '=', org.rep.id).orderBy('id').execute();
    expect(trail.map((e) => [e.action, e.actorUserId])).toEqual([
      ['insert', org.manager.id],
      ['delete', org.rep.id],
    ]);
  });
});

describe('handing a request on', () => {
  it('offers only people who may take it, and refuses anyone else naming delegateTo', async () => {
    const org = await createOrgChart(system.app);
    const outsider = await createUser(system.app, 'Outsider', null, 'member');
    const viewer = await createUser(system.app, 'Onlooker', null, 'viewer');
    const { id: projectId } = await createProject(system.app, org.rep.id, 'Hand on');
    expect((await call(system.app, 'PUT', `/api/projects/${projectId}/members`, { members: [{ userId: org.rep.id, role: 'owner' }, { userId: viewer.id, role: 'viewer' }] })).status).toBe(200);
    const flow = document('Approval that may be handed on', [onPlanSubmitted(), decideBy([org.manager.id], { mode: 'any', allowDelegation: true, timeoutAction: 'escalate' }), endWith('approved', 'approved'), endWith('rejected', 'rejected'), endWith('late', 'rejected')], [
      ['start', 'next', 'decide'],
      ['decide', 'approved', 'approved'],
      ['decide', 'rejected', 'rejected'],
      ['decide', 'timed_out', 'late'],
    ]);
    await bind(system.app, 'plan_submitted', projectId, await publishFlow(system.app, flow));
    expect((await call(system.app, 'POST', `/api/projects/${projectId}/submit`, {}, { as: org.rep })).status).toBe(202);
    const request = await eventually(async () => {
      const res = await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`, undefined, { as: org.manager });
      expect(res.body).toHaveLength(1);
      return res.body[0] as { id: string; can: { decide: boolean; delegate: boolean } };
    });
    expect(request.can).toEqual({ decide: true, delegate: true });

    const offered = await call<{ id: string; name: string }[]>(system.app, 'GET', `/api/approvals/${request.id}/delegates`, undefined, { as: org.manager });
    expect(offered.status).toBe(200);
    const ids = offered.body.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([org.rep.id, org.director.id, org.ceo.id]));
    for (const refused of [org.manager.id, outsider.id, viewer.id]) expect(ids).not.toContain(refused);
    expect((await call(system.app, 'GET', `/api/approvals/${request.id}/delegates`, undefined, { as: org.rep })).status).toBe(403);

    const noReason = await call(system.app, 'POST', `/api/approvals/${request.id}/decision`, { decision: 'delegate', delegateTo: org.director.id }, { as: org.manager });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: { path: string }) => d.path)).toEqual(['comment']);
    const toOutsider = await call(system.app, 'POST', `/api/approvals/${request.id}/decision`, { decision: 'delegate', delegateTo: outsider.id, comment: 'Away' }, { as: org.manager });
    expect(toOutsider.status).toBe(400);
    expect(toOutsider.body.error.details.map((d: { path: string }) => d.path)).toEqual(['delegateTo']);
    const handed = await call(system.app, 'POST', `/api/approvals/${request.id}/decision`, { decision: 'delegate', delegateTo: org.director.id, comment: 'Away this week' }, { as: org.manager });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ status: 'delegated', comment: 'Away this week' });
  });
});
