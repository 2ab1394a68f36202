import { describe, expect, it } from 'vitest';
import { call } from '../support/http';
import { createPlanProject, createUser } from '../support/sales-plan';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

const year2025 = { periodStart: '2025-01-01T00:00:00+08:00', periodEnd: '2026-01-01T00:00:00+08:00' };
const period = { start: year2025.periodStart, end: year2025.periodEnd };

async function post(path: string, body: unknown) {
  const res = await call(system.app, 'POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Imports KPI reports through the CSV import, one `[metric, value, reported on, reporter]` a row. */
async function importReports(projectId: string, rows: [metric: string, value: number, reportedAt: string, reporter: { email: string }][]) {
  const lines = rows.map(([metric, value, reportedAt, reporter]) => `${metric},${value},${reportedAt},${reporter.email}`);
  await post(`/api/projects/${projectId}/kpi-reports/import`, { csv: ['metric,value,reported_at,reporter_email', ...lines].join('\n') });
}

async function members(projectId: string, names: string[]) {
  const people = await Promise.all(names.map((name) => createUser(system.app, name)));
  const res = await call(system.app, 'PUT', `/api/projects/${projectId}/members`, { members: people.map((p) => ({ userId: p.id, role: 'member' })) });
  expect(res.status).toBe(200);
  return people;
}

const dashboard = async (projectId: string, query: Record<string, string>) => {
  const res = await call(system.app, 'GET', `/api/projects/${projectId}/dashboard?${new URLSearchParams(query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/**
 * A 2025 project: revenue 1,200,000 split into quarters, 20 new customers, call connection rate
 * from 20 % to 40 %; two budget lines, three risks, and these reports by Ann, Bob and Cal.
 */
async function fixture() {
  const owner = await createUser(system.app, 'Owner');
  const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2025 });
  const [ann, bob, cal] = await members(project.id, ['Ann', 'Bob', 'Cal']);
  const base = `/api/projects/${project.id}`;
  const revenue = await post(`${base}/goals`, { metric: 'revenue', unit: 'CNY', target: 1_200_000, period });
  const customers = await post(`${base}/goals`, { metric: 'new_customers', unit: 'customers', target: 20, period });
  const calls = await post(`${base}/goals`, { metric: 'call_connection_rate', unit: '%', baseline: 20, target: 40, period });
  const applied = await post(`${base}/decomposition/apply`, { goalId: revenue.id, granularity: 'quarter', ownerId: owner.id });
  await post(`${base}/budget`, { category: 'Ads', planned: 10000, spent: 12500 });
  await post(`${base}/budget`, { category: 'Events', planned: 5000, spent: 1000 });
  const churn = await post(`${base}/risks`, { title: 'Key account churns', probability: 4, impact: 5 });
  const priceWar = await post(`${base}/risks`, {
    title: 'Price war',
    probability: 2,
    impact: 3,
    earlyWarning: { metric: 'call_connection_rate', direction: 'below', threshold: 30 },
  });
  await post(`${base}/risks`, { title: 'Old worry', probability: 5, impact: 5, status: 'closed' });
  await importReports(project.id, [
    ['revenue', 100_000, '2025-02-10', ann!],
    ['revenue', 150_000, '2025-03-05', ann!],
    ['revenue', 100_000, '2025-03-20', bob!],
    ['revenue', 200_000, '2025-05-10', ann!],
    ['revenue', 50_000, '2025-06-15', bob!],
    ['new_customers', 10, '2025-04-01', ann!],
    ['new_customers', 6, '2025-09-01', bob!],
    ['call_connection_rate', 25, '2025-03-01', cal!],
    ['call_connection_rate', 42, '2025-11-01', cal!],
  ]);
  return { project, ann: ann!, bob: bob!, cal: cal!, revenue, customers, calls, milestones: applied.milestones as { id: string }[], churn, priceWar };
}

describe('project dashboard', () => {
  it('shows each goal’s target vs actual, attainment, RAG status and plan-vs-actual series at the end of the period', async () => {
    const f = await fixture();
    const d = await dashboard(f.project.id, { at: '2026-01-01T00:00:00+08:00', month: '2025-03' });
    expect(d).toMatchObject({ projectId: f.project.id, phase: 'planning', asOf: '2025-12-31T16:00:00.000Z' });

    const [revenue, customers, calls] = d.goals;
    expect(revenue).toMatchObject({ goalId: f.revenue.id, label: 'Revenue', target: '1200000', actual: '600000', expected: 1_200_000, attainmentPct: 50, progressPct: 50, status: 'red', met: false });
    expect(revenue.series.map((p: { name: string; plannedCumulative: string; actualCumulative: string; attainmentPct: number }) => [p.name, p.plannedCumulative, p.actualCumulative, p.attainmentPct])).toEqual([
      ['Revenue 2025-Q1', '300000', '350000', 116.67],
      ['Revenue 2025-Q2', '600000', '600000', 100],
      ['Revenue 2025-Q3', '900000', '600000', 66.67],
      ['Revenue 2025-Q4', '1200000', '600000', 50],
    ]);
    expect(customers).toMatchObject({ actual: '16', attainmentPct: 80, status: 'amber', met: false, series: [] });
    // A rate is measured from its baseline: 20 % → 42 % of a 20 % → 40 % goal is 110 %.
    expect(calls).toMatchObject({ baseline: '20', actual: '42', expected: 40, attainmentPct: 110, status: 'green', met: true });

    expect(d.milestones[0]).toMatchObject({ milestoneId: f.milestones[0]!.id, target: '300000', actual: '350000', attainmentPct: 116.67, status: 'pending' });

    expect(d.budget.totals).toEqual({ planned: '15000', spent: '13500', remaining: '1500', spentPct: 90, overrunPct: 0, overspent: false, lines: 2, overspentLines: 1 });
    expect(d.budget.lines[0]).toMatchObject({ category: 'Ads', overspent: true, overrunPct: 25 });

    expect(d.openRisks.map((r: { title: string; score: number; warning: unknown }) => [r.title, r.score, r.warning])).toEqual([
      ['Key account churns', 20, null],
      ['Price war', 6, { value: '42', triggered: false }],
    ]);

    // One ranking per accumulating goal metric: revenue and new customers.
    expect(d.ranking.map((r: { metric: string }) => r.metric)).toEqual(['revenue', 'new_customers']);
    expect(d.ranking.slice(0, 1)).toEqual([
      {
        metric: 'revenue',
        month: '2025-03',
        from: '2025-02-28T16:00:00.000Z',
        to: '2025-03-31T16:00:00.000Z',
        direction: 'at_least',
        entries: [
          { rank: 1, memberId: f.ann.id, name: 'Ann', total: '150000', reportCount: 1 },
          { rank: 2, memberId: f.bob.id, name: 'Bob', total: '100000', reportCount: 1 },
          { rank: 3, memberId: f.cal.id, name: 'Cal', total: '0', reportCount: 0 },
        ],
      },
    ]);
  });

  it('pro-rates the plan part-way through the period and leaves future points of the series empty', async () => {
    const f = await fixture();
    const d = await dashboard(f.project.id, { at: '2025-05-01T00:00:00+08:00' });
    const revenue = d.goals[0];
    // 120 of 365 days: 1,200,000 × 120 / 365 = 394,520.55 expected; 350,000 reported is 88.72 % of it.
    expect(revenue).toMatchObject({ actual: '350000', expected: 394_520.55, progressPct: 88.72, attainmentPct: 29.17, status: 'amber' });
    expect(revenue.series.map((p: { actualCumulative: string | null }) => p.actualCumulative)).toEqual(['350000', null, null, null]);
    // At the end of April the rate was still 25 %, below the risk's 30 % threshold.
    expect(d.openRisks[1].warning).toEqual({ value: '25', triggered: true });
    expect(d.ranking[0].month).toBe('2025-05');
  });

  it('ranks members with equal totals at the same place and skips the next place', async () => {
    const owner = await createUser(system.app, 'Owner');
    const project = await createPlanProject(system.db, { ownerId: owner.id, ...year2025 });
    const [dan, bea, ada, cy] = await members(project.id, ['Dan', 'Bea', 'Ada', 'Cy']);
    await post(`/api/projects/${project.id}/goals`, { metric: 'revenue', unit: 'CNY', target: 1_000_000, period });
    await importReports(project.id, [
      ['revenue', 60_000, '2025-03-03', bea!],
      ['revenue', 40_000, '2025-03-28', bea!],
      ['revenue', 100_000, '2025-03-10', ada!],
      ['revenue', 50_000, '2025-03-11', cy!],
      ['revenue', 900_000, '2025-04-01', dan!],
    ]);
    const d = await dashboard(project.id, { at: '2025-03-31T12:00:00+08:00' });
    expect(d.ranking[0].month).toBe('2025-03');
    expect(d.ranking[0].entries.map((e: { rank: number; name: string; total: number }) => [e.rank, e.name, e.total])).toEqual([
      [1, 'Ada', '100000'],
      [1, 'Bea', '100000'],
      [3, 'Cy', '50000'],
      [4, 'Dan', '0'],
    ]);
  });
});
