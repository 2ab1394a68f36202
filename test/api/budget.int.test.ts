import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { createPlanProject, createUser, planCounts, year2027 } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

describe('budget API', () => {
  it('shows planned against spent per line and in total, with overspending visible', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
    const base = `/api/projects/${project.id}/budget`;
    const ads = await call(system.app, 'POST', base, { category: 'Ads', planned: 10000 }, { as: owner });
    expect(ads.status, JSON.stringify(ads.body)).toBe(201);
    expect(ads.body).toMatchObject({ category: 'Ads', planned: '10000', spent: '0', remaining: '10000', spentPct: 0, overrunPct: 0, overspent: false });
    const events = await call(system.app, 'POST', base, { category: 'Events', planned: '5000.50', spent: '1000.25' }, { as: owner });
    expect(events.status).toBe(201);

    const overspent = await call(system.app, 'PATCH', `${base}/${ads.body.id}`, { spent: 12500 }, { as: owner });
    expect(overspent.body).toMatchObject({ spent: '12500', remaining: '-2500', spentPct: 125, overrunPct: 25, overspent: true });

    const budget = await call(system.app, 'GET', base, undefined, { as: owner });
    expect(budget.status).toBe(200);
    expect(budget.body.lines.map((l: { category: string }) => l.category)).toEqual(['Ads', 'Events']);
    expect(budget.body.lines[1]).toMatchObject({ remaining: '4000.25', spentPct: 20, overrunPct: 0 });
    expect(budget.body.totals).toEqual({
      planned: '15000.50',
      spent: '13500.25',
      remaining: '1500.25',
      spentPct: 90,
      overrunPct: 0,
      overspent: false,
      lines: 2,
      overspentLines: 1,
    });
  });

  it('refuses negative or malformed amounts and writes nothing', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2027 });
    const before = await planCounts(system.db, project.id);
    const res = await call(system.app, 'POST', `/api/projects/${project.id}/budget`, { category: ' ', planned: -1, spent: '1,000' }, { as: owner });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['category', 'planned', 'spent']);
    expect(await planCounts(system.db, project.id)).toEqual(before);
  });
});
