import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { createPlanProject, createUser, planCounts } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

const year2025 = { periodStart: '2025-01-01T00:00:00+08:00', periodEnd: '2026-01-01T00:00:00+08:00' };

describe('risk register', () => {
  it('computes each score as probability × impact and lists the highest first', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2025 });
    const base = `/api/projects/${project.id}/risks`;
    const small = await call(system.app, 'POST', base, { title: 'Price war', probability: 2, impact: 3, ownerId: owner.id, mitigation: 'Bundle services' }, { as: owner });
    expect(small.status, JSON.stringify(small.body)).toBe(201);
    expect(small.body).toMatchObject({ score: 6, status: 'open', ownerId: owner.id, mitigation: 'Bundle services', earlyWarning: null, raisedAt: null });
    const big = await call(system.app, 'POST', base, { title: 'Key account churns', probability: 4, impact: 5 }, { as: owner });
    expect(big.body.score).toBe(20);
    const changed = await call(system.app, 'PATCH', `${base}/${small.body.id}`, { probability: 5, impact: 5 }, { as: owner });
    expect(changed.body.score).toBe(25);
    expect((await call(system.app, 'GET', base, undefined, { as: owner })).body.map((r: { title: string; score: number }) => [r.title, r.score])).toEqual([
      ['Price war', 25],
      ['Key account churns', 20],
    ]);
  });

  it('refuses ratings outside 1–5 and an incomplete early-warning rule, writing nothing', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2025 });
    const bad = { title: 'Bad', probability: 6, impact: 2.5, earlyWarning: { metric: 'call_connection_rate', direction: 'sideways' } };
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/risks`, bad, { as: owner });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'probability',
      'impact',
      'earlyWarning.direction',
      'earlyWarning.threshold',
    ]);
    expect((await planCounts(system.db, project.id)).risks).toBe(0);
  });

  it('raises a risk when imported KPI figures cross its early-warning threshold', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2025 });
    const rule = { metric: 'call_connection_rate', direction: 'below', threshold: 30 };
    const watched = await call(system.app, 'POST', `/api/projects/${project.id}/risks`, { title: 'Reps cannot reach customers', probability: 3, impact: 4, earlyWarning: rule }, { as: owner });
    expect(watched.status, JSON.stringify(watched.body)).toBe(201);
    expect(watched.body.raisedAt).toBeNull();

    const csv = (value: number, day: string) => `metric,value,reported_at,reporter_email\ncall_connection_rate,${value},2025-03-${day},${owner.email}`;
    const fine = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv: csv(42, '01') }, { as: owner });
    expect(fine.status, JSON.stringify(fine.body)).toBe(201);
    expect(fine.body.raisedRiskIds).toEqual([]);
    // A rate is a level: the latest report counts, not the sum.
    const low = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv: csv(25, '02') }, { as: owner });
    expect(low.body.raisedRiskIds).toEqual([watched.body.id]);
    const risk = await call(system.app, 'GET', `/api/projects/${project.id}/risks/${watched.body.id}`, undefined, { as: owner });
    expect(risk.body.raisedAt).toEqual(expect.any(String));
  });

  it('compares a KPI total with its threshold exactly, also one past 2^53', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2025 });
    const rule = { metric: 'deals', direction: 'above', threshold: 9007199254740992 };
    const watched = await call(system.app, 'POST', `/api/projects/${project.id}/risks`, { title: 'Too good to be true', probability: 1, impact: 1, earlyWarning: rule }, { as: owner });
    expect(watched.status, JSON.stringify(watched.body)).toBe(201);
    const csv = `metric,value,reported_at,reporter_email\ndeals,9007199254740993,2025-03-01,${owner.email}`;
    const above = await call(system.app, 'POST', `/api/projects/${project.id}/kpi-reports/import`, { csv }, { as: owner });
    expect(above.status, JSON.stringify(above.body)).toBe(201);
    expect(above.body.metrics).toEqual([{ metric: 'deals', count: 1, total: '9007199254740993' }]);
    expect(above.body.raisedRiskIds).toEqual([watched.body.id]);
  });
});
