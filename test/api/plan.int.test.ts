import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { createPlanProject, createUser, planCounts, revenueGoal2027, setPhase, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

interface Part {
  label: string;
  start: string;
  end: string;
  amount: string;
  cumulative: string;
}

async function projectWithGoal(goal: object = revenueGoal2027) {
  const owner = await createUser(system.app, 'Owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
  const created = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, goal);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { owner, project, goal: created.body as { id: string } };
}

async function createTeam(memberIds: string[] = []) {
  const res = await call(system.app, 'POST', '/api/teams', { name: `East ${randomUUID().slice(0, 8)}`, memberIds });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const sum = (values: string[]) => values.reduce((total, value) => total + Number(value), 0);

describe('target decomposition', () => {
  it('splits 5,000,000 over a year into four quarters of 1,250,000 and twelve months that sum exactly, writing nothing', async () => {
    const { project, goal } = await projectWithGoal();
    const before = await planCounts(system.db, project.id);

    const quarters = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/preview`, { goalId: goal.id, granularity: 'quarter' });
    expect(quarters.status, JSON.stringify(quarters.body)).toBe(200);
    expect(quarters.body).toMatchObject({ total: '5000000', metric: 'revenue', granularity: 'quarter', timeZone: 'Asia/Shanghai', scale: 0 });
    expect(quarters.body.parts.map((p: Part) => [p.label, p.amount, p.cumulative, p.end])).toEqual([
      ['2027-Q1', '1250000', '1250000', '2027-03-31T16:00:00.000Z'],
      ['2027-Q2', '1250000', '2500000', '2027-06-30T16:00:00.000Z'],
      ['2027-Q3', '1250000', '3750000', '2027-09-30T16:00:00.000Z'],
      ['2027-Q4', '1250000', '5000000', '2027-12-31T16:00:00.000Z'],
    ]);

    const months = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/preview`, { goalId: goal.id, granularity: 'month' });
    expect(months.status, JSON.stringify(months.body)).toBe(200);
    const parts: Part[] = months.body.parts;
    expect(parts).toHaveLength(12);
    expect(parts.map((p) => p.amount)).toEqual(Array.from({ length: 4 }, () => ['416667', '416667', '416666']).flat());
    expect(sum(parts.map((p) => p.amount))).toBe(5_000_000);
    // Each quarter's months add up to the quarter, so monthly and quarterly checks agree.
    expect([2, 5, 8, 11].map((i) => parts[i]?.cumulative)).toEqual(['1250000', '2500000', '3750000', '5000000']);
    expect(parts.at(-1)?.cumulative).toBe('5000000');

    const cents = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/preview`, { goalId: goal.id, granularity: 'month', scale: 2 });
    expect(cents.body.parts.slice(0, 3).map((p: Part) => p.amount)).toEqual(['416666.67', '416666.67', '416666.66']);

    expect(await planCounts(system.db, project.id)).toEqual(before);
  });

  it('respects seasonal weights and refuses a weight list of the wrong length, naming the field', async () => {
    const { project, goal } = await projectWithGoal();
    const weighted = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/preview`, { goalId: goal.id, granularity: 'quarter', weights: [1, 2, 3, 4] });
    expect(weighted.status, JSON.stringify(weighted.body)).toBe(200);
    expect(weighted.body.parts.map((p: Part) => p.amount)).toEqual(['500000', '1000000', '1500000', '2000000']);
    const wrong = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/preview`, { goalId: goal.id, granularity: 'quarter', weights: [1, 2] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([expect.objectContaining({ path: 'weights', code: 'invalid_weights', message: expect.stringContaining('expected 4 weights') })]);
  });

  it('refuses to split a goal that is a level rather than a total', async () => {
    const { project, goal } = await projectWithGoal({ ...revenueGoal2027, metric: 'market_share', unit: '%', target: 15, baseline: 10 });
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/preview`, { goalId: goal.id, granularity: 'month' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'goalId' })]);
  });

  it('applies a monthly split as milestones with cumulative targets at each month end, with owner, team and warning settings', async () => {
    const { owner, project, goal } = await projectWithGoal();
    const team = await createTeam([owner.id]);
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/apply`, {
      goalId: goal.id,
      granularity: 'month',
      ownerId: owner.id,
      teamId: team.id,
      warningOffset: { amount: 3, unit: 'business_days' },
      warningThresholdPct: 75,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const milestones = res.body.milestones as Record<string, unknown>[];
    expect(milestones).toHaveLength(12);
    expect(milestones[0]).toMatchObject({
      name: 'Revenue 2027-01',
      goalId: goal.id,
      metric: 'revenue',
      targetKind: 'cumulative',
      targetValue: '416667',
      periodStart: '2026-12-31T16:00:00.000Z',
      dueAt: '2027-01-31T16:00:00.000Z',
      ownerId: owner.id,
      teamId: team.id,
      warningOffset: { amount: 3, unit: 'business_days' },
      warningThresholdPct: 75,
      // Feb 1 2027 00:00 Shanghai is a Monday: three business days back is Wednesday 27 January 09:00.
      warnAt: '2027-01-27T01:00:00.000Z',
      status: 'pending',
    });
    expect(milestones.map((m) => m.targetValue)).toEqual(res.body.parts.map((p: Part) => p.cumulative));
    expect(milestones.at(-1)).toMatchObject({ targetValue: '5000000', dueAt: '2027-12-31T16:00:00.000Z' });

    const listed = await call(system.app, 'GET', `/api/projects/${project.id}/milestones`);
    expect(listed.body).toEqual(milestones);

    // A second split of the same goal must say what happens to the first.
    const again = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/apply`, { goalId: goal.id, granularity: 'quarter', ownerId: owner.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('goal_has_milestones');
    expect((await planCounts(system.db, project.id)).milestones).toBe(12);
    const replaced = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/apply`, { goalId: goal.id, granularity: 'quarter', ownerId: owner.id, replace: true });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    expect(replaced.body.milestones.map((m: { targetValue: string }) => m.targetValue)).toEqual(['1250000', '2500000', '3750000', '5000000']);
    expect((await planCounts(system.db, project.id)).milestones).toBe(4);
  });

  it('refuses an apply naming an unknown owner or team and creates no milestone', async () => {
    const { project, goal } = await projectWithGoal();
    const ghost = randomUUID();
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/decomposition/apply`, { goalId: goal.id, granularity: 'month', ownerId: ghost });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'ownerId', message: `no user with id ${ghost}` }]);
    expect((await planCounts(system.db, project.id)).milestones).toBe(0);
  });
});

describe('milestones API', () => {
  it('creates, changes and deletes a milestone with owner, team, per-period target and warning settings', async () => {
    const { owner, project, goal } = await projectWithGoal();
    const team = await createTeam();
    const created = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, {
      name: 'March push',
      goalId: goal.id,
      targetValue: 500000,
      targetKind: 'period',
      periodStart: '2027-03-01T00:00:00+08:00',
      dueAt: '2027-04-01T00:00:00+08:00',
      ownerId: owner.id,
      teamId: team.id,
      warningOffset: { amount: 5, unit: 'days' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      metric: 'revenue',
      targetKind: 'period',
      targetValue: '500000',
      warningThresholdPct: 80,
      warnAt: '2027-03-26T16:00:00.000Z',
    });
    const { id } = created.body;

    const changed = await call(system.app, 'PATCH', `/api/projects/${project.id}/milestones/${id}`, { targetValue: '550000.50', teamId: null, warningOffset: null });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ targetValue: '550000.50', teamId: null, warningOffset: null, warnAt: null, periodStart: '2027-02-28T16:00:00.000Z' });

    expect((await call(system.app, 'DELETE', `/api/projects/${project.id}/milestones/${id}`)).status).toBe(204);
    expect((await call(system.app, 'GET', `/api/projects/${project.id}/milestones/${id}`)).status).toBe(404);
  });

  it('refuses an inconsistent milestone with every problem named, and writes nothing', async () => {
    const { owner, project, goal } = await projectWithGoal();
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, {
      name: 'Bad',
      goalId: goal.id,
      metric: 'new_customers',
      targetValue: 10,
      targetKind: 'period',
      dueAt: '2029-01-01T00:00:00+08:00',
      ownerId: owner.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['metric', 'dueAt', 'periodStart']);

    const shape = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, {
      name: '',
      targetValue: -5,
      dueAt: 'tomorrow',
      ownerId: owner.id,
      warningOffset: { amount: 2, unit: 'fortnights' },
      warningThresholdPct: 120,
      colour: 'red',
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['name', 'targetValue', 'dueAt', 'warningOffset', 'warningThresholdPct', 'colour']),
    );
    expect((await planCounts(system.db, project.id)).milestones).toBe(0);
  });
});

describe('plan edits outside planning', () => {
  it('refuses goals, milestones, budget, risks and decomposition with 409 and writes nothing, while tasks, spending and risk status still change', async () => {
    const { owner, project, goal } = await projectWithGoal();
    const milestone = await call(system.app, 'POST', `/api/projects/${project.id}/milestones`, {
      name: 'Q1',
      goalId: goal.id,
      targetValue: 1250000,
      dueAt: '2027-04-01T00:00:00+08:00',
      ownerId: owner.id,
    });
    const line = await call(system.app, 'POST', `/api/projects/${project.id}/budget`, { category: 'Ads', planned: 1000 });
    const risk = await call(system.app, 'POST', `/api/projects/${project.id}/risks`, { title: 'Churn', probability: 2, impact: 4 });
    expect([milestone.status, line.status, risk.status]).toEqual([201, 201, 201]);

    await setPhase(system.db, project.id, 'execution');
    const before = await planCounts(system.db, project.id);
    const base = `/api/projects/${project.id}`;
    const refused = await Promise.all([
      call(system.app, 'POST', `${base}/goals`, { ...revenueGoal2027, target: 1 }),
      call(system.app, 'PATCH', `${base}/goals/${goal.id}`, { target: 6_000_000 }),
      call(system.app, 'POST', `${base}/milestones`, { name: 'Q2', goalId: goal.id, targetValue: 1, dueAt: '2027-07-01T00:00:00+08:00', ownerId: owner.id }),
      call(system.app, 'PATCH', `${base}/milestones/${milestone.body.id}`, { dueAt: '2027-05-01T00:00:00+08:00' }),
      call(system.app, 'DELETE', `${base}/milestones/${milestone.body.id}`),
      call(system.app, 'POST', `${base}/decomposition/apply`, { goalId: goal.id, granularity: 'month', ownerId: owner.id, replace: true }),
      call(system.app, 'POST', `${base}/budget`, { category: 'Events', planned: 5 }),
      call(system.app, 'PATCH', `${base}/budget/${line.body.id}`, { planned: 2000, spent: 10 }),
      call(system.app, 'DELETE', `${base}/budget/${line.body.id}`),
      call(system.app, 'POST', `${base}/risks`, { title: 'Price war', probability: 3, impact: 3 }),
      call(system.app, 'PATCH', `${base}/risks/${risk.body.id}`, { impact: 5, status: 'mitigated' }),
      call(system.app, 'DELETE', `${base}/risks/${risk.body.id}`),
    ]);
    for (const res of refused) {
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe('plan_locked');
      expect(res.body.error.message).toMatch(/^The plan can only be edited in planning; request a change instead/);
    }
    expect(await planCounts(system.db, project.id)).toEqual(before);
    expect((await call(system.app, 'GET', `${base}/budget/${line.body.id}`)).body).toMatchObject({ planned: '1000', spent: '0' });
    expect((await call(system.app, 'GET', `${base}/risks/${risk.body.id}`)).body).toMatchObject({ impact: 4, status: 'open' });

    // The preview writes nothing, so it stays available for change requests.
    expect((await call(system.app, 'POST', `${base}/decomposition/preview`, { goalId: goal.id, granularity: 'quarter' })).status).toBe(200);
    const spent = await call(system.app, 'PATCH', `${base}/budget/${line.body.id}`, { spent: 1200 });
    expect(spent.status, JSON.stringify(spent.body)).toBe(200);
    expect(spent.body).toMatchObject({ spent: '1200', overspent: true, overrunPct: 20 });
    const mitigated = await call(system.app, 'PATCH', `${base}/risks/${risk.body.id}`, { status: 'mitigated' });
    expect(mitigated.status).toBe(200);
    expect(mitigated.body.status).toBe('mitigated');
    const task = await call(system.app, 'POST', `${base}/tasks`, { title: 'Call the top ten accounts', assigneeId: owner.id, milestoneId: milestone.body.id });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
  });
});

describe('project members', () => {
  it('replaces the member list and refuses unknown or repeated people', async () => {
    const { owner, project } = await projectWithGoal();
    const rep = await createUser(system.app, 'Rep');
    const put = await call(system.app, 'PUT', `/api/projects/${project.id}/members`, {
      members: [
        { userId: owner.id, role: 'owner' },
        { userId: rep.id, role: 'member' },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort()).toEqual(
      [
        [owner.id, 'owner'],
        [rep.id, 'member'],
      ].sort(),
    );

    const ghost = randomUUID();
    const bad = await call(system.app, 'PUT', `/api/projects/${project.id}/members`, {
      members: [
        { userId: rep.id, role: 'viewer' },
        { userId: ghost, role: 'member' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'members.1.userId', message: `no user with id ${ghost}` }]);
    const twice = await call(system.app, 'PUT', `/api/projects/${project.id}/members`, {
      members: [
        { userId: rep.id, role: 'viewer' },
        { userId: rep.id, role: 'member' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details).toEqual([{ path: 'members.1.userId', message: 'is listed twice' }]);
    expect((await call(system.app, 'GET', `/api/projects/${project.id}/members`)).body).toHaveLength(2);
  });
});

describe('plan API description', () => {
  it('lists every plan endpoint in the OpenAPI document', async () => {
    const res = await call(system.app, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/projects/{id}/goals',
        '/api/projects/{id}/goals/{goalId}',
        '/api/projects/{id}/decomposition/preview',
        '/api/projects/{id}/decomposition/apply',
        '/api/projects/{id}/milestones',
        '/api/projects/{id}/milestones/{milestoneId}',
        '/api/projects/{id}/members',
        '/api/projects/{id}/tasks',
        '/api/projects/{id}/tasks/{taskId}',
        '/api/projects/{id}/budget',
        '/api/projects/{id}/budget/{lineId}',
        '/api/projects/{id}/risks',
        '/api/projects/{id}/risks/{riskId}',
        '/api/projects/{id}/kpi-reports/import',
        '/api/projects/{id}/dashboard',
        '/api/teams',
        '/api/teams/{id}/members',
      ]),
    );
    expect(Object.keys(res.body.paths['/api/projects/{id}/kpi-reports/import'].post.requestBody.content)).toEqual(['application/json', 'text/csv']);
  });
});
