import { describe, expect, it } from 'vitest';
import { createOrgChart, createProject, inSeconds, startExecution } from '../support/factories';
import { call, created, eventually } from '../support/http';
import { createUser, type Person } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();

/** 3 % up to the quota, 5 % to 120 %, 8 % above (the accelerator), commission capped at 6,000. */
const tiers = [
  { fromPct: 0, toPct: 100, rate: '0.03' },
  { fromPct: 100, toPct: 120, rate: '0.05' },
  { fromPct: 120, toPct: null, rate: '0.08' },
];

describe('incentive rules', () => {
  it('refuses tiers that overlap or leave a gap with a 400 naming the tier, and writes nothing', async () => {
    const org = await createOrgChart(system.app);
    const project = await createProject(system.app, org.rep.id, 'Incentive rules');
    const path = `/api/projects/${project.id}/incentives/rules`;
    const overlap = await call(system.app, 'PUT', path, { commission: { tiers: [tiers[0], { ...tiers[1], fromPct: 90 }, tiers[2]] } });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.details).toEqual([{ path: 'commission.tiers.1.fromPct', message: 'starts at 90 %, but the tier before ends at 100 %: tiers may not overlap or leave a gap' }]);
    const gap = await call(system.app, 'PUT', path, { commission: { tiers: [tiers[0], tiers[1], { ...tiers[2], fromPct: 130 }] } }, { headers: { 'accept-language': 'zh-CN' } });
    expect(gap.status).toBe(400);
    expect(gap.body.error.details).toEqual([{ path: 'commission.tiers.2.fromPct', message: '从 130 % 开始，但上一档在 120 % 结束：档位之间不能重叠，也不能留空档' }]);
    expect((await call(system.app, 'GET', `/api/projects/${project.id}/incentives`)).body.rules).toBeNull();
    const audit = await system.db.selectFrom('audit_events').select('id').where('entity', '=', 'incentive_rules').where('projectId', '=', project.id).execute();
    expect(audit).toEqual([]);

    const saved = await call(system.app, 'PUT', path, { commission: { tiers, cap: '6000' } }, { as: org.rep });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ metric: 'revenue', budgetLineId: null, commission: { tiers: [{ rate: '0.03' }, { rate: '0.05' }, { rate: '0.08', toPct: null }], cap: '6000' } });
    const trail = await system.db.selectFrom('audit_events').select(['action', 'actorUserId']).where('entity', '=', 'incentive_rules').where('projectId', '=', project.id).execute();
    expect(trail).toEqual([{ action: 'insert', actorUserId: org.rep.id }]);
  });
});

describe('incentive earnings from the KPI reports', () => {
  it('pays each of seven members to the cent as computed by hand: tiers, the accelerator, the cap, a milestone bonus and a rank bonus', { timeout: 90_000 }, async () => {
    const org = await createOrgChart(system.app);
    const names = ['Ann', 'Bo', 'Cai', 'Dan', 'Eve', 'Fei', 'Gus'] as const;
    const people = {} as Record<(typeof names)[number], Person>;
    for (const name of names) people[name] = await createUser(system.app, name, org.manager.id);
    const periodEnd = inSeconds(3600);
    // Ann's own milestone: the team's first 1,000 of revenue within seconds, found met by the engine's due-time check.
    const project = await createProject<{ id: string; milestones: { id: string }[] }>(system.app, org.rep.id, 'Incentives', {
      periodEnd,
      monitoringDays: 0,
      milestones: [{ name: 'First thousand', dueAt: inSeconds(8), metric: 'revenue', targetValue: 1000, ownerId: people.Ann.id }],
    });
    const id = project.id;
    // 700,000 allocated to seven members by equal weights: a quota of 100,000 each.
    const goal = await created(system.app, `/api/projects/${id}/goals`, { metric: 'revenue', unit: 'CNY', target: 700000, period: { start: inSeconds(-60), end: periodEnd } });
    expect((await call(system.app, 'PUT', `/api/projects/${id}/members`, { members: names.map((n) => ({ userId: people[n].id, role: 'member' })) })).status).toBe(200);
    const allocated = await call(system.app, 'PUT', `/api/projects/${id}/goals/${goal.id}/allocation`, { granularity: 'month', shares: names.map((n) => ({ userId: people[n].id, weight: 1 })) });
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
    const line = await created(system.app, `/api/projects/${id}/budget`, { category: 'Incentives', planned: '40000' });
    const rules = await call(system.app, 'PUT', `/api/projects/${id}/incentives/rules`, {
      budgetLineId: line.id,
      commission: { tiers, cap: '6000' },
      bonuses: [
        { id: 'first-thousand', kind: 'milestone', milestoneId: project.milestones[0]!.id, amount: '500' },
        { id: 'champion', kind: 'rank', rank: 1, amount: '1000' },
      ],
      recognitions: [{ id: 'champion', rank: 1, title: '销售冠军' }],
    });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    await startExecution(system.app, id, org.rep);

    const revenue: Record<(typeof names)[number], string[]> = {
      Ann: ['20000', '30000'],
      Bo: ['100000'],
      Cai: ['60000', '50000'],
      Dan: ['130000'],
      Eve: ['90000', '90000'],
      Fei: ['33333.33'],
      Gus: ['123456.78'],
    };
    for (const name of names) {
      for (const value of revenue[name]) {
        const res = await call(system.app, 'POST', `/api/projects/${id}/kpi-reports`, { metric: 'revenue', value }, { as: people[name] });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }
    const firstThousand = async () => ((await call(system.app, 'GET', `/api/projects/${id}`)).body.milestones as { id: string; status: string }[]).find((m) => m.id === project.milestones[0]!.id)?.status;
    await eventually(async () => expect(await firstThousand()).toBe('met'), { timeoutMs: 30_000 });

    // At the end of the period (ranks count then), by hand:
    //   Ann  50,000.00   3 % × 50,000 = 1,500.00; + 500 for her milestone                  = 2,000.00
    //   Bo  100,000.00   3 % × 100,000 = 3,000.00                                          = 3,000.00
    //   Cai 110,000.00   3,000 + 5 % × 10,000 = 3,500.00                                   = 3,500.00
    //   Dan 130,000.00   3,000 + 5 % × 20,000 + 8 % × 10,000 = 4,800.00                    = 4,800.00
    //   Eve 180,000.00   3,000 + 1,000 + 8 % × 60,000 = 8,800.00, capped at 6,000; + 1,000 for first place = 7,000.00
    //   Fei  33,333.33   3 % × 33,333.33 = 999.9999 → 1,000.00                             = 1,000.00
    //   Gus 123,456.78   3,000 + 1,000 + 8 % × 3,456.78 = 4,276.5424 → 4,276.54            = 4,276.54
    const expected = {
      Ann: { total: '2000.00', commission: '1500.00', bonuses: [{ id: 'first-thousand', amount: '500.00' }], rank: 6 },
      Bo: { total: '3000.00', commission: '3000.00', bonuses: [], rank: 5 },
      Cai: { total: '3500.00', commission: '3500.00', bonuses: [], rank: 4 },
      Dan: { total: '4800.00', commission: '4800.00', bonuses: [], rank: 2 },
      Eve: { total: '7000.00', commission: '6000.00', bonuses: [{ id: 'champion', amount: '1000.00' }], rank: 1 },
      Fei: { total: '1000.00', commission: '1000.00', bonuses: [], rank: 7 },
      Gus: { total: '4276.54', commission: '4276.54', bonuses: [], rank: 3 },
    };
    const atEnd = await call(system.app, 'GET', `/api/projects/${id}/incentives?asOf=${encodeURIComponent(periodEnd)}`, undefined, { as: org.rep });
    expect(atEnd.status, JSON.stringify(atEnd.body)).toBe(200);
    type Row = { name: string; rank: number; soFar: { total: string; commission: string; bonuses: unknown[]; tiers: unknown } & Record<string, unknown> };
    const byName = new Map((atEnd.body.members as Row[]).map((m) => [m.name, m]));
    for (const name of names) {
      const member = byName.get(people[name].name)!;
      expect({ name, total: member.soFar.total, commission: member.soFar.commission, bonuses: member.soFar.bonuses, rank: member.rank }).toEqual({ name, ...expected[name] });
    }
    const eve = byName.get(people.Eve.name)!;
    expect(eve.soFar).toMatchObject({ commissionBeforeCap: '8800.00', capped: true, recognitions: [{ id: 'champion', title: '销售冠军' }], attainmentPct: '180' });
    expect(byName.get(people.Dan.name)!.soFar.tiers).toEqual([
      { fromPct: 0, toPct: 100, rate: '0.03', base: '100000.00', commission: '3000.00' },
      { fromPct: 100, toPct: 120, rate: '0.05', base: '20000.00', commission: '1000.00' },
      { fromPct: 120, toPct: null, rate: '0.08', base: '10000.00', commission: '800.00' },
    ]);
    // The manager's view carries the incentive budget line; at the end of the period the forecast is what was reached.
    expect(atEnd.body.budget).toMatchObject({ line: { id: line.id, planned: '40000' }, approvedPayouts: '0.00', forecastTotal: '25576.54' });

    // Before the period ends, a rank is not yet won: Eve has her capped commission so far, and the bonus only at the forecast.
    const now = await call(system.app, 'GET', `/api/projects/${id}/incentives`, undefined, { as: people.Eve });
    expect(now.body.members).toHaveLength(1);
    expect(now.body.members[0]).toMatchObject({ memberId: people.Eve.id, soFar: { total: '6000.00', bonuses: [] }, atForecast: { bonuses: [{ id: 'champion' }] } });
    expect(now.body.budget).toBeNull();
  });

  it("gives a rank bonus by the scorecard's ranking when the project has a scorecard, not by revenue", { timeout: 60_000 }, async () => {
    const org = await createOrgChart(system.app);
    const ann = await createUser(system.app, 'Ann Scored', org.manager.id);
    const bo = await createUser(system.app, 'Bo Scored', org.manager.id);
    const periodEnd = inSeconds(3600);
    const project = await createProject<{ id: string }>(system.app, org.rep.id, 'Incentives on the scorecard', { periodEnd, monitoringDays: 0 });
    const id = project.id;
    const goal = await created(system.app, `/api/projects/${id}/goals`, { metric: 'revenue', unit: 'CNY', target: 2000, period: { start: inSeconds(-60), end: periodEnd } });
    expect((await call(system.app, 'PUT', `/api/projects/${id}/members`, { members: [ann, bo].map((p) => ({ userId: p.id, role: 'member' })) })).status).toBe(200);
    // A quota of 1,000 each.
    const allocated = await call(system.app, 'PUT', `/api/projects/${id}/goals/${goal.id}/allocation`, { granularity: 'month', shares: [ann, bo].map((p) => ({ userId: p.id, weight: 1 })) });
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
    const training = await created(system.app, `/api/projects/${id}/training`, { topic: 'Negotiation', kind: 'internal', trainerId: org.manager.id, date: inSeconds(-30), attendeeIds: [ann.id, bo.id] });
    // Half the score is revenue (capped at 100 % of the quota), half is training.
    const scorecard = await call(system.app, 'PUT', `/api/projects/${id}/scorecard`, { dimensions: [{ key: 'revenue', weightPct: 50, capPct: 100 }, { key: 'training', weightPct: 50, capPct: 100 }] });
    expect(scorecard.status, JSON.stringify(scorecard.body)).toBe(200);
    const rules = await call(system.app, 'PUT', `/api/projects/${id}/incentives/rules`, {
      commission: { tiers },
      bonuses: [{ id: 'champion', kind: 'rank', rank: 1, amount: '1000' }],
      recognitions: [{ id: 'champion', rank: 1, title: '销售冠军' }],
    });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    await startExecution(system.app, id, org.rep);

    // Bo brings the most revenue but skips the training: 50 points. Ann meets her quota and completes it: 100 points.
    for (const [who, value] of [[ann, '1000'], [bo, '1500']] as const) {
      const res = await call(system.app, 'POST', `/api/projects/${id}/kpi-reports`, { metric: 'revenue', value }, { as: who });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    expect((await call(system.app, 'PATCH', `/api/projects/${id}/training/${training.id}/attendees/${ann.id}`, { completed: true }, { as: ann })).status).toBe(200);

    const ranking = await call(system.app, 'GET', `/api/projects/${id}/scorecard/ranking`);
    expect(ranking.body.entries.slice(0, 2).map((e: { memberId: string; score: string }) => [e.memberId, e.score])).toEqual([
      [ann.id, '100'],
      [bo.id, '50'],
    ]);
    const atEnd = await call(system.app, 'GET', `/api/projects/${id}/incentives?asOf=${encodeURIComponent(periodEnd)}`, undefined, { as: org.rep });
    expect(atEnd.status, JSON.stringify(atEnd.body)).toBe(200);
    type Row = { memberId: string; rank: number; revenue: string; soFar: { total: string; bonuses: { id: string; amount: string }[]; recognitions: { id: string }[] } };
    const byId = new Map((atEnd.body.members as Row[]).map((m) => [m.memberId, m]));
    // Ann: 3 % × 1,000 = 30, + 1,000 for first place. Bo: 3 % × 1,000 + 5 % × 200 + 8 % × 300 = 64, and no bonus.
    expect(byId.get(ann.id)).toMatchObject({ rank: 1, revenue: '1000', soFar: { total: '1030.00', bonuses: [{ id: 'champion', amount: '1000.00' }], recognitions: [{ id: 'champion' }] } });
    expect(byId.get(bo.id)).toMatchObject({ rank: 2, revenue: '1500', soFar: { total: '64.00', bonuses: [], recognitions: [] } });
  });
});
