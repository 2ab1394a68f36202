import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { approveAtOnce, bind, createOrgChart, createProject, inSeconds, publishFlow, readProject, startExecution, type OrgChart } from '../support/factories';
import { document, endWith } from '../support/flow-shapes';
import { call, eventually } from '../support/http';
import { recordHistory } from '../support/histories';
import { useSystem } from '../support/system';

const system = useSystem();
const DAY_MS = 86_400_000;

const project = (id: string) => readProject(system.app, id);

const changeRequests = async (id: string) => (await call(system.app, 'GET', `/api/projects/${id}/change-requests`)).body as { field: string; status: string; before: unknown; after: unknown }[];

/** What an update of the project's row left in the audit trail, newest last. */
const projectAudit = (id: string) =>
  system.db.selectFrom('audit_events').select(['actorUserId', 'before', 'after']).where('entity', '=', 'sales_projects').where('entityId', '=', id).where('action', '=', 'update').orderBy('id').execute();

/** A project whose last milestone is due when the period ends, so monitoring's end decides its check. */
async function runningProject(org: OrgChart, periodSeconds = 3600) {
  const periodEnd = inSeconds(periodSeconds);
  const p = await createProject<{ id: string; name: string; milestones: { id: string }[] }>(system.app, org.rep.id, 'Basics', {
    periodEnd,
    monitoringDays: 1,
    reviewEveryDays: 1,
    milestones: [{ name: 'Close-out', dueAt: periodEnd, metric: 'revenue', targetValue: 100, ownerId: org.rep.id }],
  });
  await startExecution(system.app, p.id, org.rep);
  await bind(system.app, 'change_requested', p.id, await publishFlow(system.app, approveAtOnce('change_requested')));
  return { ...p, periodEnd };
}

/** Closes the project and, with RECORD_HISTORIES=1, keeps its lifecycle's history for the replay test. */
async function closeAndRecord(org: OrgChart, projectId: string, name: string) {
  expect((await call(system.app, 'POST', `/api/projects/${projectId}/close`, { outcome: 'cancelled' }, { as: org.rep })).status).toBe(200);
  await eventually(async () => expect((await project(projectId)).phase).toBe('closing_review'));
  await recordHistory(system.client, `sales-project-${projectId}`, name);
}

describe("a project's basics through the API", () => {
  it('changes every basic at once in planning, each change in the audit trail under the person who made it', async () => {
    const org = await createOrgChart(system.app);
    const team = await call(system.app, 'POST', '/api/teams', { name: `Basics team ${randomUUID().slice(0, 8)}` });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Planning basics', { periodEnd: inSeconds(3600) });

    const changed = await call(system.app, 'PATCH', `/api/projects/${p.id}`, {
      name: 'Renamed in planning',
      description: 'Key accounts in the north',
      ownerId: org.rep.id,
      teamId: team.body.id,
      calendar: { workingDays: [1, 2, 3, 4], holidaysFrom: 'cn-mainland' },
      reviewEveryDays: 7,
      monitoringDays: 3,
    }, { as: org.manager });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.changeRequests).toEqual([]);
    expect(changed.body.basics).toEqual({
      name: 'Renamed in planning',
      description: 'Key accounts in the north',
      ownerId: org.rep.id,
      teamId: team.body.id,
      calendar: { timeZone: 'Asia/Shanghai', workingDays: [1, 2, 3, 4], workStart: '09:00', workEnd: '18:00', holidays: [], extraWorkingDays: [], holidaysFrom: 'cn-mainland' },
      reviewEveryDays: 7,
      monitoringDays: 3,
    });
    expect((await project(p.id)).basics).toEqual(changed.body.basics);
    const audit = await projectAudit(p.id);
    expect(audit.at(-1)).toMatchObject({ actorUserId: org.manager.id, after: expect.objectContaining({ name: 'Renamed in planning', team_id: team.body.id }) });
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProject<{ id: string; name: string }>(system.app, org.rep.id, 'Refused basics', { periodEnd: inSeconds(3600) });
    const before = await project(p.id);
    const cases: [body: Record<string, unknown>, paths: string[]][] = [
      [{ name: '', reviewEveryDays: 0, monitoringDays: -1 }, ['name', 'reviewEveryDays', 'monitoringDays']],
      [{ calendar: { workingDays: [8], workStart: '9' } }, ['calendar.workingDays.0', 'calendar.workStart']],
      [{ name: 'Fine', ownerId: randomUUID() }, ['ownerId']],
      [{ name: 'Fine', teamId: randomUUID() }, ['teamId']],
      [{ name: 'Fine', colour: 'red' }, ['colour']],
      [{}, ['']],
    ];
    for (const [body, paths] of cases) {
      const res = await call(system.app, 'PATCH', `/api/projects/${p.id}`, body, { as: org.rep });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body.error.details as { path: string }[]).map((d) => d.path).sort(), JSON.stringify(res.body)).toEqual([...paths].sort());
    }
    expect(await project(p.id)).toEqual(before);
    expect(await projectAudit(p.id)).toEqual([]);
  });

  it('makes a running project’s timer changes change requests that need a reason; in monitoring only its plain basics change', async () => {
    const org = await createOrgChart(system.app);
    const p = await runningProject(org, 12);
    const noReason = await call(system.app, 'PATCH', `/api/projects/${p.id}`, { name: 'Not yet', monitoringDays: 2 }, { as: org.rep });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await project(p.id)).name).toBe(p.name);
    expect(await changeRequests(p.id)).toEqual([]);

    // The same values are no change: nothing to request.
    const unchanged = await call(system.app, 'PATCH', `/api/projects/${p.id}`, { monitoringDays: 1, reviewEveryDays: 1, reason: 'Nothing moves' }, { as: org.manager });
    expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(200);
    expect(unchanged.body.changeRequests).toEqual([]);

    await eventually(async () => expect((await project(p.id)).phase).toBe('monitoring'));
    const late = await call(system.app, 'PATCH', `/api/projects/${p.id}`, { name: 'Too late to move', monitoringDays: 2, reason: 'More time' }, { as: org.rep });
    expect({ status: late.status, code: late.body.error?.code }).toEqual({ status: 409, code: 'wrong_phase' });
    expect((await project(p.id)).name).toBe(p.name);
    const renamed = await call(system.app, 'PATCH', `/api/projects/${p.id}`, { name: 'Renamed in monitoring' }, { as: org.rep });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await project(p.id)).name).toBe('Renamed in monitoring');
  });

  it('moves the checks at the end of monitoring, and that end, once a longer monitoring window is approved', async () => {
    const org = await createOrgChart(system.app);
    const p = await runningProject(org);
    const oldEnd = new Date(Date.parse(p.periodEnd) + DAY_MS).toISOString();
    const newEnd = new Date(Date.parse(p.periodEnd) + 3 * DAY_MS).toISOString();
    await eventually(async () => expect((await project(p.id)).lifecycle.nextChecks).toEqual([{ milestoneId: p.milestones[0]!.id, kind: 'due', at: oldEnd }]));

    const res = await call(system.app, 'PATCH', `/api/projects/${p.id}`, { monitoringDays: 3, reason: 'Late reports from the distributors' }, { as: org.rep });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changeRequests).toEqual([
      expect.objectContaining({
        subjectKind: 'project',
        field: 'monitoring_days',
        before: 1,
        after: 3,
        moves: [
          { milestoneId: p.milestones[0]!.id, milestoneName: 'Close-out', kind: 'due', from: oldEnd, to: newEnd },
          { milestoneId: null, milestoneName: null, kind: 'monitoring_end', from: oldEnd, to: newEnd },
        ],
      }),
    ]);
    await eventually(async () => expect((await project(p.id)).lifecycle.nextChecks).toEqual([{ milestoneId: p.milestones[0]!.id, kind: 'due', at: newEnd }]));
    expect((await project(p.id)).basics.monitoringDays).toBe(3);
    expect(await changeRequests(p.id)).toEqual([expect.objectContaining({ field: 'monitoring_days', status: 'approved' })]);
    await closeAndRecord(org, p.id, 'lifecycle-project-monitoring-window-moves-checks');
  });

  it('moves the next status summary, counted from the last one, once a new review cadence is approved', async () => {
    const org = await createOrgChart(system.app);
    const p = await runningProject(org);
    const first = await eventually(async () => {
      const at = (await project(p.id)).lifecycle.nextReviewAt as string | null;
      expect(at).toEqual(expect.any(String));
      return at!;
    });

    const res = await call(system.app, 'PATCH', `/api/projects/${p.id}`, { reviewEveryDays: 2, reason: 'Every other day is enough' }, { as: org.rep });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const later = new Date(Date.parse(first) + DAY_MS).toISOString();
    expect(res.body.changeRequests[0].moves).toEqual([{ milestoneId: null, milestoneName: null, kind: 'review', from: first, to: later }]);
    await eventually(async () => expect((await project(p.id)).lifecycle.nextReviewAt).toBe(later));
    await closeAndRecord(org, p.id, 'lifecycle-project-review-cadence-moves-summary');
  });

  it('tells the project’s running escalation to count its business-day acknowledgement again when an approved calendar change makes its due day a holiday', async () => {
    const org = await createOrgChart(system.app);
    const p = await createProject<{ id: string }>(system.app, org.rep.id, 'Escalation follows', {
      periodEnd: inSeconds(3600),
      calendar: { timeZone: 'UTC' },
      milestones: [{ name: 'Missed soon', dueAt: inSeconds(6), metric: 'revenue', targetValue: 100, ownerId: org.rep.id }],
    });
    const acknowledge = document('Acknowledge a miss within a business day', [
      { id: 'start', kind: 'trigger', config: { event: 'milestone_missed' } },
      {
        id: 'ack',
        kind: 'wait_for_ack',
        config: { recipient: { kind: 'project_owner' }, channel: 'inbox', subject: 'Missed: {{project.name}}', message: 'Hello {{recipient.name}}.', timeout: { amount: 1, unit: 'business_days' } },
      },
      endWith('seen', 'done'),
      endWith('late', 'done'),
    ], [['start', 'next', 'ack'], ['ack', 'acknowledged', 'seen'], ['ack', 'timed_out', 'late']]);
    await bind(system.app, 'milestone_missed', p.id, await publishFlow(system.app, acknowledge));
    await startExecution(system.app, p.id, org.rep);
    await bind(system.app, 'change_requested', p.id, await publishFlow(system.app, approveAtOnce('change_requested')));
    const requestOf = () => system.db.selectFrom('approval_requests').selectAll().where('projectId', '=', p.id).where('approverId', '=', org.rep.id).executeTakeFirst();
    const asked = await eventually(async () => {
      const row = await requestOf();
      expect(row).toBeDefined();
      return row!;
    });
    const dueDay = asked.dueAt.toISOString().slice(0, 10);

    const res = await call(system.app, 'PATCH', `/api/projects/${p.id}`, { calendar: { timeZone: 'UTC', holidays: [dueDay] }, reason: 'The customer closes that day' }, { as: org.rep });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const moved = await eventually(async () => {
      const row = await requestOf();
      expect(row!.dueAt.getTime()).toBeGreaterThan(asked.dueAt.getTime());
      return row!;
    });
    expect(moved.dueAt.toISOString().slice(0, 10)).not.toBe(dueDay);
    expect(moved.status).toBe('pending');
    // Recorded running: closing would wait for the escalation, which waits a business day.
    await recordHistory(system.client, `sales-project-${p.id}`, 'lifecycle-project-calendar-change-tells-running-flows');
  });
});
