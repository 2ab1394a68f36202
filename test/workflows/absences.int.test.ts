import { describe, expect, it } from 'vitest';
import { assignAroundAbsences } from '../../activities/flow/absence-route';
import { putAbsence } from '../../db/queries/absences';
import { createOrgChart, createProjectWithMilestone, inSeconds, type OrgChart } from '../support/factories';
import { call, eventually } from '../support/http';
import type { Identity } from '../support/identities';
import { createUser, type Person } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();

interface Request {
  id: string;
  flowRunId: string;
  dueAt: string;
  createdAt: string;
  status: string;
  onBehalfOf: { id: string; name: string } | null;
  assignmentNote: string | null;
}

/** The person's pending acknowledgement, once it has arrived. */
const pendingAck = (person: Person, timeoutMs = 30_000) =>
  eventually(
    async () => {
      const res = await call<Request[]>(system.app, 'GET', `/api/users/${person.id}/approvals?status=pending`, undefined, { as: person });
      expect(res.body, `a pending request for ${person.name}`).toHaveLength(1);
      return res.body[0]!;
    },
    { timeoutMs },
  );

const setAbsence = async (person: Identity & { id: string }, deputyId: string, untilSeconds = 3600, fromSeconds = -60) =>
  call(system.app, 'PUT', `/api/users/${person.id}/absence`, { startsAt: inSeconds(fromSeconds), endsAt: inSeconds(untilSeconds), deputyId }, { as: person });

/** Writes absences straight to the database, as a loop could only come about past the API's check. */
const writeAbsence = (userId: string, deputyId: string) =>
  putAbsence(system.db, { userId, deputyId, startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), setBy: userId });

const escalationsOf = async (projectId: string) =>
  (await call<{ escalations: { level: number; recipientId: string; standInId: string | null; acknowledgedBy: string | null }[] }>(system.app, 'GET', `/api/projects/${projectId}`)).body
    .escalations;

const traceDecisions = async (runId: string) =>
  (await call<{ decisions: { asked: { name: string }; status: string; onBehalfOf: { name: string } | null; assignmentNote: string | null }[] }>(system.app, 'GET', `/api/flow-runs/${runId}/trace`)).body
    .decisions;

async function orgWithDeputy(): Promise<OrgChart & { deputy: Person }> {
  const org = await createOrgChart(system.app);
  const deputy = await createUser(system.app, 'Deputy', org.director.id, 'manager');
  return { ...org, deputy };
}

describe('requests while the person asked is absent, on the real engine', () => {
  it('gives an escalation to the deputy of an absent manager, with the manager’s window; unanswered, it times out and goes one level up as it would have', async () => {
    const org = await orgWithDeputy();
    expect((await setAbsence(org.manager, org.deputy.id)).status).toBe(200);
    const project = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, ackTimeoutSeconds: 3 });

    const ask = await pendingAck(org.deputy);
    expect(ask.onBehalfOf).toEqual({ id: org.manager.id, name: org.manager.name });
    expect(ask.assignmentNote).toMatch(/^assigned to Deputy on behalf of Manager \(Manager is absent until \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
    // The deadline is the step's own three seconds, counted from when the run asked, as for the
    // manager. The row is written a moment after that count began (over a second under a full
    // run's load), so its own time is a little later than the start of the three seconds.
    expect(Date.parse(ask.dueAt) - Date.parse(ask.createdAt)).toBeGreaterThanOrEqual(1_500);
    expect(Date.parse(ask.dueAt) - Date.parse(ask.createdAt)).toBeLessThan(4_000);
    expect((await call(system.app, 'GET', `/api/users/${org.manager.id}/approvals?status=pending`, undefined, { as: org.manager })).body).toEqual([]);

    // Nobody answers: the deputy's request times out and the director is asked next (level 2).
    await pendingAck(org.director);
    expect((await call<Request>(system.app, 'GET', `/api/approvals/${ask.id}`)).body.status).toBe('timed_out');
    expect((await escalationsOf(project.id)).map((e) => [e.level, e.recipientId, e.standInId])).toEqual([
      [1, org.manager.id, null],
      [2, org.director.id, null],
    ]);
  });

  it('names the deputy as the one answering the absent manager’s escalation, lets them acknowledge it, which acknowledges the escalation raised to the manager', async () => {
    const org = await orgWithDeputy();
    expect((await setAbsence(org.manager, org.deputy.id)).status).toBe(200);
    const project = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, ackTimeoutSeconds: 120 });
    const ask = await pendingAck(org.deputy);
    // The project page says who answers the manager's escalation meanwhile.
    expect((await escalationsOf(project.id)).map((e) => [e.level, e.recipientId, e.standInId])).toEqual([[1, org.manager.id, org.deputy.id]]);
    const acked = await call(system.app, 'POST', `/api/approvals/${ask.id}/decision`, { decision: 'acknowledge' }, { as: org.deputy });
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    await eventually(async () =>
      expect(await escalationsOf(project.id)).toEqual([expect.objectContaining({ level: 1, recipientId: org.manager.id, standInId: null, acknowledgedBy: org.deputy.id })]),
    );
    expect(await traceDecisions(ask.flowRunId)).toEqual([
      expect.objectContaining({ asked: expect.objectContaining({ name: 'Deputy' }), status: 'acknowledged', onBehalfOf: expect.objectContaining({ name: 'Manager' }) }),
    ]);
  });

  it('lets an acknowledgement be handed on with a reason; the delegate’s acknowledgement answers the escalation raised to the manager', async () => {
    const org = await orgWithDeputy();
    const project = await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, ackTimeoutSeconds: 120 });
    const ask = await pendingAck(org.manager);
    const handed = await call(system.app, 'POST', `/api/approvals/${ask.id}/decision`, { decision: 'delegate', delegateTo: org.director.id, comment: 'Director knows the account' }, { as: org.manager });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    const theirs = await pendingAck(org.director);
    expect((await call(system.app, 'POST', `/api/approvals/${theirs.id}/decision`, { decision: 'acknowledge' }, { as: org.director })).status).toBe(200);
    await eventually(async () => expect(await escalationsOf(project.id)).toEqual([expect.objectContaining({ level: 1, recipientId: org.manager.id, acknowledgedBy: org.director.id })]));
  });

  it('passes it on down the deputy’s own chain when the deputy is absent too', async () => {
    const org = await orgWithDeputy();
    const second = await createUser(system.app, 'Second', org.director.id, 'manager');
    expect((await setAbsence(org.deputy, second.id)).status).toBe(200);
    expect((await setAbsence(org.manager, org.deputy.id)).status).toBe(200);
    await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, ackTimeoutSeconds: 120 });
    const ask = await pendingAck(second);
    expect(ask.onBehalfOf?.id).toBe(org.manager.id);
    expect(ask.assignmentNote).toContain('Deputy, the deputy, is absent too');
  });

  it('never hangs on deputies that loop: the request goes to the approver’s manager and the run history says why', async () => {
    const org = await orgWithDeputy();
    await writeAbsence(org.manager.id, org.deputy.id);
    await writeAbsence(org.deputy.id, org.manager.id);
    await createProjectWithMilestone(system.app, org, { dueInSeconds: 2, ackTimeoutSeconds: 120 });
    const ask = await pendingAck(org.director);
    expect(ask.onBehalfOf?.id).toBe(org.manager.id);
    const [decision] = await eventually(async () => {
      const decisions = await traceDecisions(ask.flowRunId);
      expect(decisions).toHaveLength(1);
      return decisions;
    });
    expect(decision!.assignmentNote).toBe(
      `assigned to Director, Manager’s manager, on behalf of Manager (Manager is absent until ${new Date((await system.db.selectFrom('absences').select('endsAt').where('userId', '=', org.manager.id).executeTakeFirstOrThrow()).endsAt).toISOString().slice(0, 16).replace('T', ' ')} UTC, and the deputies lead round in a loop: Manager → Deputy → Manager)`,
    );
  });

  it('refuses a loop as the absence is set, naming the deputy field', async () => {
    const org = await orgWithDeputy();
    expect((await setAbsence(org.deputy, org.manager.id)).status).toBe(200);
    const refused = await setAbsence(org.manager, org.deputy.id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'deputyId', message: expect.stringContaining('Manager → Deputy → Manager') }]);
    expect((await call(system.app, 'GET', `/api/users/${org.manager.id}/absence`)).body).toEqual({ absence: null });
  });
});

describe('routing around absences read from the database', () => {
  it('counts only the absences that hold at that moment', async () => {
    const org = await orgWithDeputy();
    await putAbsence(system.db, { userId: org.manager.id, deputyId: org.deputy.id, startsAt: new Date('2030-01-01T00:00:00Z'), endsAt: new Date('2030-01-08T00:00:00Z'), setBy: org.manager.id });
    const manager = { id: org.manager.id, name: org.manager.name, email: org.manager.email };
    const before = await assignAroundAbsences(system.db, [manager], new Date('2029-12-31T23:59:59Z'));
    const during = await assignAroundAbsences(system.db, [manager], new Date('2030-01-03T00:00:00Z'));
    const after = await assignAroundAbsences(system.db, [manager], new Date('2030-01-08T00:00:00Z'));
    expect(before).toEqual([manager]);
    expect(during).toEqual([
      {
        id: org.deputy.id,
        name: 'Deputy',
        email: org.deputy.email,
        onBehalfOf: { id: org.manager.id, name: 'Manager' },
        assignmentNote: 'assigned to Deputy on behalf of Manager (Manager is absent until 2030-01-08 00:00 UTC)',
      },
    ]);
    expect(after).toEqual([manager]);
  });
});
