import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOrgChart, inSeconds } from '../support/factories';
import { call } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });
const DAY_MS = 86_400_000;

describe('the project list', () => {
  it('shows each project’s phase, owner, attainment and RAG status, and filters by them', async () => {
    const org = await createOrgChart(system.app);
    const tag = randomUUID().slice(0, 8);
    // Halfway through a year: 550 of 1000 is ahead (green), 100 of 1000 is behind (red).
    const start = new Date(Date.now() - 182.5 * DAY_MS).toISOString();
    const end = new Date(Date.now() + 182.5 * DAY_MS).toISOString();
    const ids: string[] = [];
    for (const [name, reported] of [[`North ${tag}`, 550], [`South ${tag}`, 100]] as const) {
      const p = await call(system.app, 'POST', '/api/projects', { name, ownerId: org.rep.id, periodStart: start, periodEnd: end, milestones: [] });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      ids.push(p.body.id);
      const goal = await call(system.app, 'POST', `/api/projects/${p.body.id}/goals`, { metric: 'revenue', unit: 'CNY', direction: 'at_least', baseline: null, target: 1000, period: { start, end } });
      expect(goal.status, JSON.stringify(goal.body)).toBe(201);
      const kpi = await call(system.app, 'POST', `/api/projects/${p.body.id}/kpi-reports`, { metric: 'revenue', value: reported, reportedAt: inSeconds(-60) }, { as: org.rep });
      expect(kpi.status, JSON.stringify(kpi.body)).toBe(201);
    }

    const all = await call(system.app, 'GET', `/api/projects?q=${tag}`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    const byName = Object.fromEntries(all.body.items.map((i: { name: string }) => [i.name, i]));
    expect(byName[`North ${tag}`]).toMatchObject({ phase: 'planning', ownerName: 'Rep', attainmentPct: 55, status: 'green' });
    expect(byName[`South ${tag}`]).toMatchObject({ attainmentPct: 10, status: 'red' });

    const red = await call(system.app, 'GET', `/api/projects?q=${tag}&status=red`);
    expect(red.body.items.map((i: { name: string }) => i.name)).toEqual([`South ${tag}`]);
    const mine = await call(system.app, 'GET', `/api/projects?ownerId=${org.rep.id}&phase=planning`);
    expect(mine.body.items).toHaveLength(2);
    expect((await call(system.app, 'GET', '/api/projects?phase=sleeping')).status).toBe(400);
    for (const id of ids) await system.client.workflow.getHandle(`sales-project-${id}`).terminate('test cleanup');
  });
});
