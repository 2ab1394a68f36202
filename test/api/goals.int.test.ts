import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { createPlanProject, createUser, planCounts, revenueGoal2027, setPhase, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

async function project() {
  const owner = await createUser(system.app, 'Owner');
  return createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
}

describe('goals API', () => {
  it('refuses a goal without a target, naming the Measurable element, and writes nothing', async () => {
    const p = await project();
    const { target: _target, ...withoutTarget } = revenueGoal2027;
    const res = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, withoutTarget);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('not_smart');
    expect(res.body.error.message).toContain('Measurable');
    expect(res.body.error.details).toEqual([{ path: 'target', code: 'measurable', message: 'Measurable: the goal has no numeric target' }]);
    expect((await planCounts(system.db, p.id)).goals).toBe(0);
  });

  it('refuses a goal without a deadline, naming the Time-bound element', async () => {
    const p = await project();
    const res = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { ...revenueGoal2027, period: { start: revenueGoal2027.period.start } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'period.end', code: 'time_bound', message: 'Time-bound: the goal has no deadline' }]);
    const noPeriod = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { ...revenueGoal2027, period: undefined });
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.body.error.details).toEqual([expect.objectContaining({ path: 'period', code: 'time_bound' })]);
    expect((await planCounts(system.db, p.id)).goals).toBe(0);
  });

  it('reports every missing SMART element at once, and unknown fields by name', async () => {
    const p = await project();
    const res = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { metric: 'custom', colour: 'red' });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.body.error.details.map((d: { path: string; code?: string }) => [d.path, d.code]));
    expect(byPath).toMatchObject({ unit: 'measurable', target: 'measurable', period: 'time_bound', customMetricName: 'specific' });
    expect(byPath).toHaveProperty('colour');
  });

  it('refuses a goal whose period reaches past the project', async () => {
    const p = await project();
    const res = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, {
      ...revenueGoal2027,
      period: { start: '2027-01-01T00:00:00+08:00', end: '2028-06-30T00:00:00+08:00' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'period.end', code: 'time_bound' })]);
  });

  it('creates, lists, changes and deletes a SMART goal while the project is in planning', async () => {
    const p = await project();
    const created = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, revenueGoal2027);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      projectId: p.id,
      metric: 'revenue',
      kpiMetric: 'revenue',
      customMetricName: null,
      unit: 'CNY',
      direction: 'at_least',
      baseline: null,
      target: '5000000',
      period: { start: '2026-12-31T16:00:00.000Z', end: '2027-12-31T16:00:00.000Z' },
    });

    const listed = await call(system.app, 'GET', `/api/projects/${p.id}/goals`);
    expect(listed.body.map((g: { id: string }) => g.id)).toEqual([created.body.id]);

    const changed = await call(system.app, 'PATCH', `/api/projects/${p.id}/goals/${created.body.id}`, { metric: 'custom', customMetricName: 'signed contracts', unit: 'contracts', target: 40 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ metric: 'custom', customMetricName: 'signed contracts', kpiMetric: 'signed contracts', target: '40' });

    const back = await call(system.app, 'PATCH', `/api/projects/${p.id}/goals/${created.body.id}`, { metric: 'new_customers', customMetricName: null, unit: 'customers' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ metric: 'new_customers', customMetricName: null, kpiMetric: 'new_customers' });

    const deleted = await call(system.app, 'DELETE', `/api/projects/${p.id}/goals/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await call(system.app, 'GET', `/api/projects/${p.id}/goals/${created.body.id}`)).status).toBe(404);
  });

  it('refuses a change that would leave the goal without a SMART element, and keeps the goal as it was', async () => {
    const p = await project();
    const created = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { ...revenueGoal2027, metric: 'market_share', unit: '%', target: 15, baseline: 10 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await call(system.app, 'PATCH', `/api/projects/${p.id}/goals/${created.body.id}`, { target: 150 });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'target', code: 'achievable' })]);
    const badType = await call(system.app, 'PATCH', `/api/projects/${p.id}/goals/${created.body.id}`, { target: 'lots' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.details).toEqual([expect.objectContaining({ path: 'target', code: 'measurable' })]);
    expect((await call(system.app, 'GET', `/api/projects/${p.id}/goals/${created.body.id}`)).body.target).toBe('15');
  });

  it('answers 404 for a goal of an unknown project or of another project', async () => {
    const p = await project();
    const other = await project();
    const created = await call(system.app, 'POST', `/api/projects/${other.id}/goals`, revenueGoal2027);
    expect((await call(system.app, 'GET', `/api/projects/${randomUUID()}/goals`)).status).toBe(404);
    expect((await call(system.app, 'GET', `/api/projects/${p.id}/goals/${created.body.id}`)).status).toBe(404);
    expect((await call(system.app, 'POST', `/api/projects/${randomUUID()}/goals`, revenueGoal2027)).status).toBe(404);
  });

  it('refuses goal edits outside planning with 409 and changes nothing', async () => {
    const p = await project();
    const created = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, revenueGoal2027);
    await setPhase(system.db, p.id, 'execution');
    const added = await call(system.app, 'POST', `/api/projects/${p.id}/goals`, { ...revenueGoal2027, metric: 'new_customers', unit: 'customers', target: 30 });
    expect(added.status).toBe(409);
    expect(added.body.error).toMatchObject({ code: 'plan_locked', message: expect.stringContaining('The plan can only be edited in planning; request a change instead') });
    expect((await call(system.app, 'PATCH', `/api/projects/${p.id}/goals/${created.body.id}`, { target: 1 })).status).toBe(409);
    expect((await call(system.app, 'DELETE', `/api/projects/${p.id}/goals/${created.body.id}`)).status).toBe(409);
    const goals = await call(system.app, 'GET', `/api/projects/${p.id}/goals`);
    expect(goals.body).toEqual([created.body]);
  });
});
