import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assessProgress, ragStatuses, type RagStatus } from '../../workflows/domain/attainment';
import { goalKpiMetric, metricAggregation, type GoalDirection, type GoalMetric } from '../../workflows/domain/smart-goal';
import { createUser } from '../support/people';
import { call } from '../support/http';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });
const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

interface GoalCase {
  metric: GoalMetric;
  customName?: string;
  direction?: GoalDirection;
  baseline?: string;
  target: string;
  from: number;
  until: number;
}

interface Case {
  name: string;
  goals: GoalCase[];
  /** Reports: metric name, value, days from now. */
  reports: [string, string, number][];
}

/** Every kind of goal and report the list has to sum up, each as one project. */
const cases: Case[] = [
  { name: 'ahead', goals: [{ metric: 'revenue', target: '1000', from: -182.5, until: 182.5 }], reports: [['revenue', '300', -10], ['revenue', '250', -1]] },
  { name: 'behind', goals: [{ metric: 'revenue', target: '1000', from: -182.5, until: 182.5 }], reports: [['revenue', '100', -1]] },
  { name: 'a little behind', goals: [{ metric: 'revenue', target: '1000', from: -182.5, until: 182.5 }], reports: [['revenue', '440', -1]] },
  { name: 'fractions', goals: [{ metric: 'new_customers', target: '3', from: -100, until: 100 }], reports: [['new_customers', '0.333333', -5], ['new_customers', '1.000001', -4]] },
  {
    name: 'latest counts, reports outside the period do not',
    goals: [{ metric: 'market_share', target: '15', baseline: '10', from: -60, until: 60 }],
    reports: [['market_share', '99', -61], ['market_share', '12', -20], ['market_share', '13.5', -2], ['market_share', '1', 30], ['revenue', '5', -1]],
  },
  { name: 'at most, under the cap', goals: [{ metric: 'call_connection_rate', direction: 'at_most', target: '40', from: -30, until: 30 }], reports: [['call_connection_rate', '25', -3]] },
  { name: 'at most, far over the cap', goals: [{ metric: 'repurchase_rate', direction: 'at_most', target: '10', from: -30, until: 30 }], reports: [['repurchase_rate', '35', -3]] },
  { name: 'custom metric', goals: [{ metric: 'custom', customName: 'demos', target: '20', from: -50, until: 50 }], reports: [['demos', '4', -9], ['demos', '3', -8], ['custom', '100', -7]] },
  { name: 'baseline without reports', goals: [{ metric: 'customer_satisfaction', target: '90', baseline: '70', from: -10, until: 10 }], reports: [] },
  { name: 'no reports, no baseline', goals: [{ metric: 'revenue', target: '1000', from: -10, until: 10 }], reports: [] },
  { name: 'no goal', goals: [], reports: [['revenue', '100', -1]] },
  { name: 'not started', goals: [{ metric: 'revenue', target: '500', baseline: '0', from: 20, until: 200 }], reports: [] },
  { name: 'ended, exactly at the target', goals: [{ metric: 'revenue', target: '800', from: -200, until: -20 }], reports: [['revenue', '500', -100], ['revenue', '300', -30], ['revenue', '700', -5]] },
  { name: 'ended, exactly at the warning', goals: [{ metric: 'revenue', target: '1000', from: -200, until: -20 }], reports: [['revenue', '800', -100]] },
  { name: 'ended, just under the warning', goals: [{ metric: 'revenue', target: '1000', from: -200, until: -20 }], reports: [['revenue', '799.99', -100]] },
  {
    name: 'first goal counts',
    goals: [
      { metric: 'new_customers', target: '10', from: -30, until: 30 },
      { metric: 'revenue', target: '10', from: -30, until: 30 },
    ],
    reports: [['new_customers', '1', -2], ['revenue', '9', -2]],
  },
];

/** Today's rule, from the domain: the first goal, its reports summed (or the latest) over its period so far, else its baseline. */
function expectedFigures(c: Case, now: Date): { attainmentPct: number | null; status: RagStatus | null } {
  const goal = c.goals[0];
  if (!goal) return { attainmentPct: null, status: null };
  const start = daysFromNowFixed(goal.from);
  const end = daysFromNowFixed(goal.until);
  const until = end < now ? end : now;
  const metric = goalKpiMetric({ metric: goal.metric, customMetricName: goal.customName });
  const inPeriod = c.reports.filter(([m, , day]) => m === metric && daysFromNowFixed(day) >= start && daysFromNowFixed(day) <= until);
  const latest = [...inPeriod].sort((a, b) => b[2] - a[2])[0];
  const actual =
    inPeriod.length === 0 ? goal.baseline : metricAggregation(goal.metric) === 'latest' ? latest?.[1] : inPeriod.reduce((sum, [, v]) => sum + Number(v), 0).toString();
  if (actual === undefined) return { attainmentPct: null, status: null };
  const progress = assessProgress({ actual, target: goal.target, direction: goal.direction ?? 'at_least', start, due: end, at: now < end ? now : end });
  return { attainmentPct: Math.round(progress.finalAttainmentPercent * 100) / 100, status: progress.status };
}

const anchor = Date.now();
/** Days from the test's start, so the stored rows and the expectation use the same moments. */
const daysFromNowFixed = (days: number) => new Date(anchor + days * DAY_MS);

describe('the attainment figures of the project list', () => {
  it('are the ones the domain gives for the same goals and reports, and the status filter pages through the projects of that status', async () => {
    const owner = await createUser(system.app, 'Figures owner');
    const tag = randomUUID().slice(0, 8);
    const ids = new Map<string, string>();
    for (const c of cases) {
      const project = await system.db
        .insertInto('sales_projects')
        .values({ name: `${tag} ${c.name}`, ownerId: owner.id, periodStart: daysFromNow(-400), periodEnd: daysFromNow(400) })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(c.name, project.id);
      for (const [i, g] of c.goals.entries()) {
        await system.db
          .insertInto('goals')
          .values({
            projectId: project.id,
            metric: g.metric,
            customName: g.customName ?? null,
            unit: 'x',
            direction: g.direction ?? 'at_least',
            baseline: g.baseline ?? null,
            target: g.target,
            periodStart: daysFromNowFixed(g.from),
            periodEnd: daysFromNowFixed(g.until),
            createdAt: new Date(anchor - (10 - i) * 1000),
          })
          .execute();
      }
      for (const [metric, value, day] of c.reports) {
        await system.db.insertInto('kpi_reports').values({ projectId: project.id, metric, value, reportedAt: daysFromNowFixed(day), reporterId: owner.id }).execute();
      }
    }

    const res = await call(system.app, 'GET', `/api/projects?q=${tag}&limit=200`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const now = new Date();
    const listed = new Map(res.body.items.map((item: { name: string; attainmentPct: number | null; status: RagStatus | null }) => [item.name.slice(tag.length + 1), { attainmentPct: item.attainmentPct, status: item.status }]));
    const expected = new Map(cases.map((c) => [c.name, expectedFigures(c, now)]));
    expect(listed).toEqual(expected);
    // The cases cover every status, on either side of the thresholds.
    expect(new Set([...expected.values()].map((e) => e.status))).toEqual(new Set([...ragStatuses, null]));

    for (const status of ragStatuses) {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string; status: string }[]; nextCursor: string | null } } = await call(
          system.app,
          'GET',
          `/api/projects?q=${tag}&status=${status}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.every((item) => item.status === status)).toBe(true);
        names.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      const want = cases.filter((c) => expected.get(c.name)?.status === status).map((c) => ids.get(c.name));
      expect(new Set(names), status).toEqual(new Set(want));
      expect(names).toHaveLength(want.length);
    }
  });
});
